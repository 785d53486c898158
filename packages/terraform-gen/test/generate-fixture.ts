import { renderStackSet, synthesize, type StackSet } from '../src/index.js';
import type { Fixture } from './fixtures/base.js';
import { FIXTURES } from './fixtures/index.js';

export function synthesizeFixture(f: Fixture): StackSet {
  return synthesize(
    f.resolved,
    f.platform,
    f.imageTags === undefined ? {} : { imageTags: f.imageTags },
  );
}

/** Rendered files of a fixture, keyed by path under `terraform/`. */
export function renderFixture(f: Fixture): Map<string, string | Uint8Array> {
  const out = new Map<string, string | Uint8Array>();
  for (const [p, content] of renderStackSet(synthesizeFixture(f)))
    out.set(p.replace(/^terraform\//, ''), content);
  return out;
}

/** The stack set of a fixture case by name (see fixtures/index.ts). */
export function synthesizeCase(name: string): StackSet {
  const fixture = FIXTURES[name];
  if (fixture === undefined) throw new Error(`no fixture case "${name}"`);
  return synthesizeFixture(fixture);
}
