/**
 * A small matcher for intent: find a resource (or data source) in a
 * synthesized stack and check that it has at least the given properties.
 */
import type { StackName, StackSet, SynthesizedStack } from '../src/index.js';

type Bodies = Readonly<Record<string, Record<string, unknown>>>;

/** The stack `name` of environment `env`. */
export function stackOf(set: StackSet, env: string, name: StackName): SynthesizedStack {
  const stack = set.environments.find((e) => e.id === env)?.stacks.find((s) => s.name === name);
  if (stack === undefined) throw new Error(`no stack ${env}/${name}`);
  return stack;
}

/** Every resource of a type, by name (`{}` when there is none). */
export function resourcesOf(stack: SynthesizedStack, type: string): Bodies {
  const byType = stack.document.resource as Readonly<Record<string, Bodies>> | undefined;
  return byType?.[type] ?? {};
}

export function dataOf(stack: SynthesizedStack, type: string): Bodies {
  const byType = stack.document.data as Readonly<Record<string, Bodies>> | undefined;
  return byType?.[type] ?? {};
}

/** True when `actual` has every property of `expected` (recursively; arrays element by element, same length). */
export function matchesPartial(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => matchesPartial(actual[i], e))
    );
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([k, v]) =>
      matchesPartial((actual as Record<string, unknown>)[k], v),
    );
  }
  return Object.is(actual, expected);
}

/**
 * Asserts that the stack has a resource of `type` (named `name`, or any)
 * with at least `props`; returns its body.
 */
export function expectResource(
  stack: SynthesizedStack,
  type: string,
  props: Readonly<Record<string, unknown>>,
  name?: string,
): Record<string, unknown> {
  const all = resourcesOf(stack, type);
  const candidates =
    name === undefined ? Object.entries(all) : Object.entries(all).filter(([n]) => n === name);
  const hit = candidates.find(([, body]) => matchesPartial(body, props));
  if (hit === undefined) {
    throw new Error(
      `expected ${stack.name} to have ${type}${name === undefined ? '' : `.${name}`} with ${JSON.stringify(props)}; ` +
        `found ${JSON.stringify(Object.fromEntries(candidates), null, 2)}`,
    );
  }
  return hit[1];
}

/** Asserts that no resource of `type` (named `name`, or any) has `props` (or exists, with no props). */
export function expectNoResource(
  stack: SynthesizedStack,
  type: string,
  props: Readonly<Record<string, unknown>> = {},
): void {
  const hits = Object.entries(resourcesOf(stack, type)).filter(([, body]) =>
    matchesPartial(body, props),
  );
  if (hits.length > 0) {
    throw new Error(
      `expected ${stack.name} to have no ${type} with ${JSON.stringify(props)}; found ${hits.map(([n]) => n).join(', ')}`,
    );
  }
}

/** The env vars of the Cloud Run service or job container, by name. */
export function containerEnv(stack: SynthesizedStack): Record<string, unknown> {
  const service = resourcesOf(stack, 'google_cloud_run_v2_service')['cloudrun'];
  const job = resourcesOf(stack, 'google_cloud_run_v2_job')['cloudrun'];
  const container = (service ?? job) as
    | {
        template: {
          containers?: { env: { name: string }[] }[];
          template?: { containers: { env: { name: string }[] }[] }[];
        }[];
      }
    | undefined;
  const t = container?.template[0];
  const c = t?.containers?.[0] ?? t?.template?.[0]?.containers[0];
  if (c === undefined) throw new Error(`no Cloud Run container in ${stack.name}`);
  return Object.fromEntries(
    c.env.map((e) => {
      const { name, ...rest } = e as { name: string; value?: string };
      return [name, rest.value ?? rest];
    }),
  );
}
