import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateOffline } from '../../src/generation/conformance.js';
import { loadPlatformConfig, loadSpec, resolveSpec } from '../../src/libraries.js';
import { SPEC_FIXTURES_DIR } from '../support/repository.js';
import {
  hasTerraform,
  mapLimited,
  terraformValidate,
} from '../../../../tools/testing/tf-offline.js';

/**
 * Every valid spec fixture of @msp/spec through the whole pipeline, through
 * the CLI's boundary to the libraries: load → validate → resolve → generateService
 * (synthesize, conformance, render), then real `terraform validate` on one environment.
 */
const validDir = join(SPEC_FIXTURES_DIR, 'valid');

async function fixtureNames(): Promise<string[]> {
  return (await readdir(validDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The pipeline for one spec, failing with every issue when a stage reports any error. */
async function generate(spec: string) {
  const platform = await loadPlatformConfig(dirname(spec));
  if (platform.config === undefined)
    throw new Error(`platform config invalid: ${JSON.stringify(platform.issues)}`);
  const loaded = await loadSpec(spec, platform.config);
  const errors = loaded.issues.filter((issue) => issue.severity === 'error');
  if (loaded.spec === undefined || errors.length > 0)
    throw new Error(`${spec} is invalid: ${JSON.stringify(errors, null, 2)}`);
  const resolved = await resolveSpec(loaded.spec, platform.config, loaded.assets);
  const { conformance, files } = await generateOffline(resolved, platform.config);
  return { resolved, conformance, files };
}

describe('every valid spec fixture through the real pipeline', () => {
  let names: string[];

  beforeAll(async () => {
    names = await fixtureNames();
  });

  it('finds the fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
    expect(names).toContain('service-full');
  });

  it('generates every fixture with zero errors and conforming stacks, byte-identical on a second run', async () => {
    for (const name of names) {
      const spec = join(validDir, name, 'service.yaml');
      const first = await generate(spec);
      expect({ name, conformance: first.conformance }).toEqual({ name, conformance: [] });
      // One main.tf.json per environment and stack; every environment has at
      // least the project, iam, cloudrun and monitoring stacks.
      const stacks = [...first.files.keys()].filter((path) => path.endsWith('/main.tf.json'));
      for (const env of first.resolved.environments)
        for (const stack of ['project', 'iam', 'cloudrun', 'monitoring'])
          expect(stacks).toContain(`terraform/${env.id}/stacks/${stack}/main.tf.json`);
      const second = await generate(spec);
      expect({ name, files: [...second.files] }).toEqual({ name, files: [...first.files] });
    }
  });

  const describeIfTerraform = hasTerraform ? describe : describe.skip;
  if (!hasTerraform)
    console.warn(
      'terraform validate of the spec fixtures skipped: no `terraform` binary on PATH (install Terraform >= 1.11)',
    );

  describeIfTerraform('terraform validate (tf-offline)', () => {
    let outDir = '';
    beforeAll(async () => {
      outDir = await mkdtemp(join(tmpdir(), 'msp-cli-validate-'));
    });
    afterAll(async () => {
      if (outDir !== '') await rm(outDir, { recursive: true, force: true });
    });

    it("accepts every stack of each fixture's last environment (the production one where there is one)", async () => {
      const stackDirs: string[] = [];
      for (const name of names) {
        const { resolved, files } = await generate(join(validDir, name, 'service.yaml'));
        const env = resolved.environments.at(-1)?.id ?? '';
        for (const [path, content] of files) {
          if (!path.startsWith(`terraform/${env}/`)) continue;
          const target = join(outDir, name, path);
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, content);
          if (path.endsWith('/main.tf.json')) stackDirs.push(dirname(target));
        }
      }
      expect(stackDirs.length).toBeGreaterThanOrEqual(names.length * 3);
      const results = await mapLimited(stackDirs, 2, async (dir) =>
        (await terraformValidate(dir)).map((line) => `${dir.slice(outDir.length + 1)}: ${line}`),
      );
      expect(results.flat()).toEqual([]);
    }, 300_000);
  });
});
