import { generateService, renderStackSet, synthesize } from '../src/index.js';
import { FIXTURES } from './fixtures/index.js';
import type { Fixture } from './fixtures/base.js';

function fixture(name: string): Fixture {
  const f = FIXTURES[name];
  if (f === undefined) throw new Error(`no fixture ${name}`);
  return f;
}
const options = (f: Fixture) => (f.imageTags === undefined ? {} : { imageTags: f.imageTags });

describe('generateService', () => {
  it.each(Object.keys(FIXTURES))(
    '%s: renders the same files as synthesize + renderStackSet',
    (name) => {
      const f = fixture(name);
      const generated = generateService(f.resolved, f.platform, options(f));
      expect([...generated.files]).toEqual([
        ...renderStackSet(synthesize(f.resolved, f.platform, options(f))),
      ]);
    },
  );

  it('summarises each stack from the stack set: resources as in the rendered file, inputs as in the example file', () => {
    const f = fixture('service-data');
    const { billingAccount: _unset, ...platform } = f.platform;
    const generated = generateService(f.resolved, platform, options(f));
    expect(generated.stacks.length).toBeGreaterThan(3);
    for (const summary of generated.stacks) {
      const dir = `terraform/${summary.environment}/stacks/${summary.stack}`;
      const document = JSON.parse(String(generated.files.get(`${dir}/main.tf.json`) ?? 'null')) as {
        resource?: Record<string, Record<string, unknown>>;
      };
      const resources = Object.values(document.resource ?? {}).flatMap((byName) =>
        Object.keys(byName),
      );
      expect(summary.resources).toBe(resources.length);
      const example = String(generated.files.get(`${dir}/terraform.tfvars.example`) ?? '');
      expect(summary.inputs).toEqual([...example.matchAll(/^(\w+) = ""$/gm)].map((m) => m[1]));
    }
    expect(generated.stacks.find((s) => s.stack === 'project')?.inputs).toContain(
      'billing_account',
    );
  });

  it('synthesizes only the chosen environments', () => {
    const f = fixture('service-data');
    const [first, ...rest] = f.resolved.environments.map((e) => e.id);
    expect(rest.length).toBeGreaterThan(0);
    const generated = generateService(f.resolved, f.platform, {
      ...options(f),
      environmentIDs: [first ?? ''],
    });
    expect(generated.set.environments.map((e) => e.id)).toEqual([first]);
    expect([...generated.files.keys()].every((p) => p.startsWith(`terraform/${first}/`))).toBe(
      true,
    );
    expect(new Set(generated.stacks.map((s) => s.environment))).toEqual(new Set([first]));
  });
});
