import { renderStackSet, synthesize, type StackSet } from '../src/index.js';
import type { Fixture } from './fixtures/base.js';

export function synthesizeFixture(f: Fixture): StackSet {
  return synthesize(
    f.resolved,
    f.platform,
    f.imageTags === undefined ? {} : { imageTags: f.imageTags },
  );
}

/** Rendered files of a fixture, keyed by path under `terraform/`. */
export function renderFixture(f: Fixture): Map<string, string> {
  const out = new Map<string, string>();
  for (const [p, content] of renderStackSet(synthesizeFixture(f)))
    out.set(p.replace(/^terraform\//, ''), content);
  return out;
}
