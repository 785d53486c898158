// `nx release` version actions of @msp/spec: the JavaScript ones (package.json and
// dependents), plus the files whose contents carry the version: the published schemas'
// `$id` (https://unpkg.com/@msp/spec@<version>/schema/...), the validators compiled from
// them and src/generated/version.ts. They are what tools/codegen/spec.ts would write for
// the new version, so the release commit needs no codegen run of its own.
const {
  default: JsVersionActions,
  afterAllProjectsVersioned,
} = require('@nx/js/src/release/version-actions');

const VERSIONED_FILES = [
  'src/generated/version.ts',
  'schema/service.schema.json',
  'schema/platform.schema.json',
  'src/generated/service-validator.ts',
  'src/generated/platform-validator.ts',
];

class SpecVersionActions extends JsVersionActions {
  async updateProjectVersion(tree, newVersion) {
    const root = this.projectGraphNode.data.root;
    const manifest = JSON.parse(tree.read(`${root}/package.json`, 'utf8'));
    const old = manifest.version;
    const logs = await super.updateProjectVersion(tree, newVersion);
    if (old === newVersion) return logs;
    for (const file of VERSIONED_FILES) {
      const path = `${root}/${file}`;
      const before = tree.read(path, 'utf8');
      if (before === null) throw new Error(`${path} is missing: run "npm run codegen"`);
      const after = before
        .split(`${manifest.name}@${old}/`)
        .join(`${manifest.name}@${newVersion}/`)
        .replace(`SPEC_VERSION = '${old}';`, `SPEC_VERSION = '${newVersion}';`);
      if (after === before)
        throw new Error(`${path} does not carry version ${old}: run "npm run codegen"`);
      tree.write(path, after);
      logs.push(`✍️  New version ${newVersion} written to ${path}`);
    }
    return logs;
  }
}

module.exports = SpecVersionActions;
module.exports.default = SpecVersionActions;
// The lock file update after all projects are versioned, as the JavaScript default does.
module.exports.afterAllProjectsVersioned = afterAllProjectsVersioned;
