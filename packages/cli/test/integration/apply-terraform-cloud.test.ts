import {
  startFakeTerraformCloud,
  type FakeTerraformCloud,
} from '../support/fake-terraform-cloud.js';
import { memoryIo, type MemoryIo } from '../support/memory-io.js';
import { repoRoot } from '../support/repository.js';
import { runMsp } from '../support/run-msp.js';

/**
 * `msp tfc sync` then `msp apply` for the example (Terraform Cloud,
 * runMode: cli) against a local Terraform Cloud API: configuration versions
 * uploaded, runs queued, planned, confirmed and waited for, stack by stack.
 */
jest.setTimeout(60_000);

describe('msp apply with Terraform Cloud (runMode cli)', () => {
  const token = 'team-token';
  const spec = 'apps/msp-example/service.yaml';
  const stacks = ['project', 'iam', 'cloudrun', 'monitoring', 'tfcworkspaces'];
  let tfc: FakeTerraformCloud;

  beforeAll(async () => {});
  beforeEach(async () => {
    tfc = await startFakeTerraformCloud({ organization: 'example-corp', token });
  });
  afterEach(() => tfc.close());

  const io = (env: Record<string, string> = {}): MemoryIo =>
    memoryIo({
      cwd: repoRoot,
      env: { PATH: '', TFE_TOKEN: token, TFE_ADDRESS: tfc.address, ...env },
    });
  const msp = (argv: string[], withIo: MemoryIo = io()) => runMsp(argv, { io: withIo });
  const sync = () => msp(['tfc', 'sync', spec, '--env', 'test']);
  const runsOf = (stack: string) =>
    [...tfc.runs.values()].filter((r) => r.workspaceName === `msp-msp-example-test-${stack}`);

  it('applies every stack in order, each run confirmed and waited for; a second apply changes nothing', async () => {
    expect((await sync()).code).toBe(0);
    const result = await msp(['apply', spec, '--env', 'test']);
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(stacks.length);
    stacks.forEach((stack, i) =>
      expect(lines[i]).toMatch(
        new RegExp(
          `^\\[${i + 1}/5\\] test/${stack} applied \\(\\d+ to add, 0 to change, 0 to destroy\\) in [\\d.]+s  https://app\\.terraform\\.io/app/example-corp/workspaces/msp-msp-example-test-${stack}/runs/run-\\d+$`,
        ),
      ),
    );
    // Runs were created in stack order, each only after the previous one was applied.
    const created = tfc.requests.filter((r) => r === 'POST /api/v2/runs').length;
    expect(created).toBe(5);
    const order = [...tfc.runs.values()].map((r) =>
      r.workspaceName.replace('msp-msp-example-test-', ''),
    );
    expect(order).toEqual(stacks);
    for (const run of tfc.runs.values()) {
      expect(run.status).toBe('applied');
      expect(run.autoApply).toBe(false);
      expect(run.comments).toEqual(['msp apply']);
    }
    expect(
      tfc.workspaces
        .get('msp-msp-example-test-cloudrun')
        ?.state.has('google_cloud_run_v2_service.cloudrun'),
    ).toBe(true);
    expect(result.stderr).toContain('[3/5] test/cloudrun planned');

    const again = await msp(['apply', spec, '--env', 'test']);
    expect(again.code).toBe(0);
    expect(again.stdout.match(/ no changes /g)).toHaveLength(5);
  });

  it('stops the chain at a failed run, printing its URL and the end of its log', async () => {
    await sync();
    tfc.failApply(
      'msp-msp-example-test-iam',
      'Error: googleapi: Error 403: Permission denied on resource project example-corp-test.',
    );
    const result = await msp(['apply', spec, '--env', 'test']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('[1/5] test/project applied');
    expect(result.stderr).toMatch(
      /error: run run-\d+ errored: https:\/\/app\.terraform\.io\/app\/example-corp\/workspaces\/msp-msp-example-test-iam\/runs\/run-\d+\n {2}\| Error: googleapi: Error 403: Permission denied/,
    );
    expect(runsOf('cloudrun')).toEqual([]);
  });

  it('refuses and discards a plan that destroys a stateful resource, unless allowed', async () => {
    await sync();
    await msp(['apply', spec, '--env', 'test']);
    tfc.workspaces
      .get('msp-msp-example-test-cloudrun')
      ?.state.add('google_sql_database_instance.old');
    const result = await msp(['apply', spec, '--env', 'test']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'test/cloudrun would destroy or replace stateful resources:\n  google_sql_database_instance.old (Cloud SQL instance, destroyed)',
    );
    expect(runsOf('cloudrun').at(-1)?.status).toBe('discarded');
    expect(runsOf('monitoring')).toHaveLength(1);

    // test sets allowDestroys: true, so --allow-destroy lets the plan go through; prod does not.
    const allowed = await msp(['apply', spec, '--env', 'test', '--allow-destroy']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(
      /test\/cloudrun applied \(0 to add, 0 to change, 1 to destroy\)/,
    );
    expect(
      tfc.workspaces
        .get('msp-msp-example-test-cloudrun')
        ?.state.has('google_sql_database_instance.old'),
    ).toBe(false);
    const prod = await msp(['apply', spec, '--env', 'prod', '--allow-destroy']);
    expect(prod.code).toBe(1);
    expect(prod.stderr).toContain(
      '--allow-destroy: environment prod does not set allowDestroys: true',
    );
  });

  it('destroys in reverse order, only with allowDestroys and confirmation', async () => {
    await sync();
    await msp(['apply', spec, '--env', 'test']);
    const unconfirmed = await msp(['destroy', spec, '--env', 'test']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain(
      'msp destroy needs confirmation: run it in a terminal or add --yes',
    );
    const prod = await msp(['destroy', spec, '--env', 'prod', '--yes']);
    expect(prod.code).toBe(1);
    expect(prod.stderr).toContain('environment prod does not allow destroys');

    const before = tfc.runs.size;
    const result = await msp(['destroy', spec, '--env', 'test', '--yes']);
    expect(result.code).toBe(0);
    const destroys = [...tfc.runs.values()].slice(before);
    expect(destroys.map((r) => r.workspaceName.replace('msp-msp-example-test-', ''))).toEqual(
      [...stacks].reverse(),
    );
    for (const run of destroys) expect(run).toMatchObject({ destroy: true, status: 'applied' });
    for (const ws of tfc.workspaces.values()) expect(ws.state.size).toBe(0);
    expect(result.stdout).toMatch(/^\[5\/5\] test\/project destroyed/m);
  });

  it('plans with speculative runs that change nothing', async () => {
    await sync();
    const result = await msp(['plan', spec, '--env', 'test']);
    expect(result.code).toBe(0);
    expect(result.stdout.match(/ planned \(/g)).toHaveLength(5);
    for (const run of tfc.runs.values()) expect(run.status).toBe('planned_and_finished');
    for (const ws of tfc.workspaces.values()) expect(ws.state.size).toBe(0);
  });

  it('retries when the API is briefly unavailable', async () => {
    await sync();
    tfc.failNext(2, 503);
    const result = await msp(['plan', spec, '--env', 'test']);
    expect(result.code).toBe(0);
  });

  it('says what is missing: a token, or the workspaces', async () => {
    const noToken = await msp(['apply', spec, '--env', 'test'], io({ TFE_TOKEN: '' }));
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain(
      'no Terraform Cloud token: set TFE_TOKEN or TF_TOKEN_app_terraform_io',
    );

    const unsynced = await msp(['apply', spec, '--env', 'test']);
    expect(unsynced.code).toBe(1);
    expect(unsynced.stderr).toContain(
      'Terraform Cloud workspace msp-msp-example-test-project does not exist in example-corp',
    );
    expect(unsynced.stderr).toContain('msp tfc sync');
  });

  it('on Ctrl-C leaves the run as it is and prints its URL', async () => {
    await sync();
    const withIo = io();
    const running = msp(['apply', spec, '--env', 'test'], withIo);
    for (let i = 0; i < 1000 && !withIo.err().includes('[1/5] test/project planning'); i++)
      await new Promise((r) => setTimeout(r, 5));
    withIo.signals.emit('SIGINT');
    const result = await running;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /interrupted; the run is left as it is: https:\/\/app\.terraform\.io\/app\/example-corp\/workspaces\/msp-msp-example-test-project\/runs\/run-\d+/,
    );
    expect([...tfc.runs.values()]).toHaveLength(1);
  });
});
