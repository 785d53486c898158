// Every golden stack plans clean offline (tools/tf-offline/plan, empty state): what only plan
// evaluates — count/for_each over known values, variable validation, preconditions and
// known-value errors — beyond the schema checks of validate. Stacks are planned as child
// modules of a few root modules so that a handful of Terraform runs cover them all.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  hasTerraform,
  mapLimited,
  terraformPlanMany,
  type PlannedStack,
} from '../../../tools/testing/tf-offline.js';

/**
 * Stacks per Terraform run. Measured on 2 CPUs: all 149 golden stacks in one run 45 s; in two
 * runs of 75 at once 52 s (the provider processes are shared within a run).
 */
const BATCH = 200;
const CONCURRENCY = 1;

const GOLDEN_DIR = path.join(__dirname, 'golden');

function goldenStacks(dir: string, prefix = ''): PlannedStack[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (!e.isDirectory()) return [];
    const full = path.join(dir, e.name);
    return fs.existsSync(path.join(full, 'main.tf.json'))
      ? [{ name: rel, dir: full }]
      : goldenStacks(full, rel);
  });
}

const describeIfTerraform = hasTerraform ? describe : describe.skip;

describeIfTerraform('terraform plan (tf-offline) of every golden stack', () => {
  let work = '';
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'msp-tf-plan-'));
  });
  afterAll(() => {
    if (work !== '') fs.rmSync(work, { recursive: true, force: true });
  });

  it('plans every stack with no errors', async () => {
    const stacks = goldenStacks(GOLDEN_DIR).sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(stacks.length).toBeGreaterThan(100);
    const batches: PlannedStack[][] = [];
    for (let i = 0; i < stacks.length; i += BATCH) batches.push(stacks.slice(i, i + BATCH));
    const results = await mapLimited(batches, CONCURRENCY, (batch) => {
      const dir = fs.mkdtempSync(path.join(work, 'batch-'));
      return terraformPlanMany(batch, dir);
    });
    expect(results.flat()).toEqual([]);
  }, 900_000);

  it('reports a failing precondition and a bad count against the stack that has them', async () => {
    const stack = path.join(work, 'broken', 'dev', 'stacks', 'iam');
    fs.mkdirSync(stack, { recursive: true });
    fs.writeFileSync(
      path.join(stack, 'main.tf.json'),
      JSON.stringify({
        terraform: {
          required_providers: { random: { source: 'hashicorp/random', version: '~> 3.7' } },
        },
        variable: {
          tier: { type: 'string', default: 'BASIC' },
          n: { type: 'number', default: -1 },
        },
        resource: {
          random_id: {
            checked: {
              byte_length: 2,
              lifecycle: {
                precondition: [
                  { condition: '${var.tier == "STANDARD_HA"}', error_message: 'tier must be HA' },
                ],
              },
            },
            counted: { count: '${var.n}', byte_length: 2 },
          },
        },
      }),
    );
    const ok = goldenStacks(GOLDEN_DIR).find((s) => s.name.startsWith('service-basic/dev/'));
    if (ok === undefined) throw new Error('no service-basic golden');
    const lines = await terraformPlanMany(
      [ok, { name: 'broken/dev/stacks/iam', dir: stack }],
      fs.mkdtempSync(path.join(work, 'batch-')),
    );
    expect(
      lines.some((l) => l.startsWith('broken/dev/stacks/iam: Error: Resource precondition failed')),
    ).toBe(true);
    expect(
      lines.some((l) => l.startsWith('broken/dev/stacks/iam: Error: Invalid count argument')),
    ).toBe(true);
    expect(lines.filter((l) => !l.startsWith('broken/'))).toEqual([]);
  }, 300_000);
});
