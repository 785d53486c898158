import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { generateService } from '../src/index.js';
import {
  DEPLOY_ACTION,
  RENDER_ACTION,
  SKAFFOLD_API_VERSION,
  skaffoldConfig,
  skaffoldSource,
} from '../src/stacks/cloudrun/skaffold-source.js';
import { FIXTURES } from './fixtures/index.js';

interface Container {
  name: string;
  image: string;
  command: string[];
  args: string[];
}
interface Config {
  customActions: { name: string; containers: Container[] }[];
}

function validator(): (config: unknown) => string[] {
  const schema = JSON.parse(
    readFileSync(join(__dirname, 'skaffold-schema', 'v4beta11.json'), 'utf8'),
  ) as object;
  // strict: false for skaffold's own annotations (preferredOrder, x-intellij-html-description).
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  return (config) =>
    validate(config)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

function withTempDir<T>(run: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'msp-skaffold-'));
  try {
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The files of a generated archive, extracted by the system's tar. */
function extract(archive: Uint8Array): Map<string, string> {
  return withTempDir((dir) => {
    writeFileSync(join(dir, 'source.tar.gz'), archive);
    const names = execFileSync('tar', ['-tzf', 'source.tar.gz'], { cwd: dir, encoding: 'utf8' })
      .split('\n')
      .filter((n) => n !== '');
    execFileSync('tar', ['-xzf', 'source.tar.gz'], { cwd: dir });
    return new Map(names.map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
  });
}

describe('skaffold source', () => {
  const validate = validator();

  it(`validates against skaffold's published schema for ${SKAFFOLD_API_VERSION}`, () => {
    const files = extract(skaffoldSource('billing').archive);
    expect([...files.keys()]).toEqual(['skaffold.yaml']);
    const config = parse(files.get('skaffold.yaml') ?? '') as unknown;
    expect(validate(config)).toEqual([]);
    expect(config).toMatchObject({ apiVersion: SKAFFOLD_API_VERSION, kind: 'Config' });
  });

  it('the schema check can fail: a misspelt field is reported', () => {
    const config = parse(skaffoldConfig('billing')) as Config & Record<string, unknown>;
    const broken = {
      ...config,
      customActions: [{ ...config.customActions[0], contianers: [] }],
    };
    expect(validate(broken)).toContain('/customActions/0 must NOT have additional properties');
  });

  it('is byte-identical across runs, and its object name is its hash', () => {
    const first = skaffoldSource('billing');
    expect(Buffer.from(skaffoldSource('billing').archive).equals(Buffer.from(first.archive))).toBe(
      true,
    );
    const hash = createHash('sha256').update(first.archive).digest('hex').slice(0, 8);
    expect(first.objectName).toBe(`skaffoldsource-${hash}.tar.gz`);
    expect(skaffoldSource('other').objectName).not.toBe(first.objectName);
  });

  it('defines the actions the custom target type names, and the stack uploads the archive it writes', () => {
    const f = FIXTURES['service-rollout'];
    if (f === undefined) throw new Error('no fixture service-rollout');
    const { files } = generateService(f.resolved, f.platform, {
      ...(f.imageTags === undefined ? {} : { imageTags: f.imageTags }),
    });
    const dir = [...files.keys()]
      .find((p) => p.endsWith('/cloudrun/skaffoldsource.tar.gz'))
      ?.replace(/\/skaffoldsource\.tar\.gz$/, '');
    if (dir === undefined) throw new Error('no skaffold source generated');
    const archive = files.get(`${dir}/skaffoldsource.tar.gz`);
    if (!(archive instanceof Uint8Array)) throw new Error('the archive is not bytes');
    const main = JSON.parse(String(files.get(`${dir}/main.tf.json`))) as {
      resource: Record<string, Record<string, Record<string, unknown>>>;
    };
    const type = main.resource['google_clouddeploy_custom_target_type']?.['cloud_run_service'];
    expect(type?.['custom_actions']).toEqual([
      { render_action: RENDER_ACTION, deploy_action: DEPLOY_ACTION },
    ]);
    const config = parse(extract(archive).get('skaffold.yaml') ?? '') as Config;
    expect(config.customActions.map((a) => a.name).sort()).toEqual(
      [DEPLOY_ACTION, RENDER_ACTION].sort(),
    );
    // Every deploy parameter the actions read is set on every target, but the tag, which each
    // release sets (msp release --tag).
    const read = new Set(
      [...skaffoldConfig('x').matchAll(/CLOUD_DEPLOY_customTarget_(\w+)/g)].map((m) => m[1]),
    );
    const targets = Object.values(main.resource['google_clouddeploy_target'] ?? {});
    expect(targets.length).toBeGreaterThan(1);
    for (const target of targets)
      expect(
        [...read].filter(
          (name) =>
            name !== 'tag' &&
            !((target['deploy_parameters'] ?? {}) as object).hasOwnProperty(`customTarget/${name}`),
        ),
      ).toEqual([]);
    const object = main.resource['google_storage_bucket_object']?.['skaffold_source'];
    const hash = createHash('sha256').update(archive).digest('hex').slice(0, 8);
    expect(object).toMatchObject({
      name: `skaffoldsource-${hash}.tar.gz`,
      source: '${path.module}/skaffoldsource.tar.gz',
    });
  });
});

/**
 * The actions' scripts, run by bash with a `gcloud` on PATH that does locally
 * what the real one does remotely: `storage cp` copies files (gs:// paths map
 * to a directory) and `run services update` records its arguments.
 */
describe('skaffold custom action scripts', () => {
  const config = parse(skaffoldConfig('billing')) as Config;
  const script = (action: string): string => {
    const container = config.customActions.find((a) => a.name === action)?.containers[0];
    expect(container?.command).toEqual(['/bin/bash', '-c']);
    return container?.args[0] ?? '';
  };

  function run(
    dir: string,
    action: string,
    env: Record<string, string>,
  ): { status: number; results: unknown } {
    const bin = join(dir, 'bin');
    execFileSync('mkdir', ['-p', bin, join(dir, 'gcs')]);
    writeFileSync(
      join(bin, 'gcloud'),
      [
        '#!/bin/bash',
        'set -e',
        `gcs="${dir}/gcs"`,
        'local_path() { case "$1" in gs://*) echo "$gcs/${1#gs://}";; *) echo "$1";; esac; }',
        'if [ "$1 $2" = "storage cp" ]; then',
        '  dst="$(local_path "$4")"; mkdir -p "$(dirname "$dst")"; cp "$(local_path "$3")" "$dst"',
        'elif [ "$1 $2 $3" = "run services update" ]; then',
        '  shift 3; printf "%s\\n" "$@" > "$gcs/update-args"; [ -z "${FAIL_UPDATE:-}" ]',
        'else echo "unexpected gcloud $*" >&2; exit 2; fi',
        '',
      ].join('\n'),
    );
    chmodSync(join(bin, 'gcloud'), 0o755);
    let status = 0;
    try {
      execFileSync('/bin/bash', ['-c', script(action)], {
        env: { PATH: `${bin}:/usr/bin:/bin`, ...env },
        stdio: 'pipe',
      });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    const results = JSON.parse(readFileSync(join(dir, 'gcs', 'out', 'results.json'), 'utf8'));
    return { status, results };
  }

  const stage = {
    CLOUD_DEPLOY_OUTPUT_GCS_PATH: 'gs://out',
    CLOUD_DEPLOY_customTarget_serviceID: 'billing',
    CLOUD_DEPLOY_customTarget_projectID: 'billing-prod-a1b2',
    CLOUD_DEPLOY_customTarget_region: 'us-central1',
    CLOUD_DEPLOY_customTarget_image: 'us-docker.pkg.dev/corp/billing',
  };

  it('render writes the manifest with the release tag and a SUCCEEDED result', () =>
    withTempDir((dir) => {
      const { status, results } = run(dir, RENDER_ACTION, {
        ...stage,
        CLOUD_DEPLOY_customTarget_tag: 'v1.2.3',
      });
      expect(status).toBe(0);
      expect(results).toEqual({
        resultStatus: 'SUCCEEDED',
        manifestFile: 'gs://out/manifest.yaml',
        metadata: { image: 'us-docker.pkg.dev/corp/billing:v1.2.3' },
      });
      expect(readFileSync(join(dir, 'gcs', 'out', 'manifest.yaml'), 'utf8')).toBe(
        'service: billing\nproject: billing-prod-a1b2\nregion: us-central1\nimage: us-docker.pkg.dev/corp/billing:v1.2.3\n',
      );
    }));

  it('render without a tag fails with a result that says how to create the release', () =>
    withTempDir((dir) => {
      const { status, results } = run(dir, RENDER_ACTION, stage);
      expect(status).toBe(1);
      expect(results).toMatchObject({
        resultStatus: 'FAILED',
        failureMessage: expect.stringMatching(/msp release --tag TAG/) as unknown,
      });
    }));

  it('deploy points the service at the rendered image, and reports a failed update', () =>
    withTempDir((dir) => {
      run(dir, RENDER_ACTION, { ...stage, CLOUD_DEPLOY_customTarget_tag: 'v2' });
      const deploy = { ...stage, CLOUD_DEPLOY_MANIFEST_GCS_PATH: 'gs://out/manifest.yaml' };
      const ok = run(dir, DEPLOY_ACTION, deploy);
      expect(ok).toEqual({
        status: 0,
        results: {
          resultStatus: 'SUCCEEDED',
          metadata: { image: 'us-docker.pkg.dev/corp/billing:v2' },
        },
      });
      expect(readFileSync(join(dir, 'gcs', 'update-args'), 'utf8').split('\n')).toEqual([
        'billing',
        '--project=billing-prod-a1b2',
        '--region=us-central1',
        '--image=us-docker.pkg.dev/corp/billing:v2',
        '--quiet',
        '',
      ]);
      const failed = run(dir, DEPLOY_ACTION, { ...deploy, FAIL_UPDATE: '1' });
      expect(failed.status).toBe(1);
      expect(failed.results).toMatchObject({ resultStatus: 'FAILED' });
    }));
});
