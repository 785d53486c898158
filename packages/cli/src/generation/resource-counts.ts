import type { GeneratedStackSummary } from '@msp/terraform-gen';

export interface StackCount {
  readonly environment: string;
  readonly stack: string;
  readonly resources: number;
}

/** `<env>/<stack>` order: environments, then stacks, by name (the files' path order). */
export function byStackPath(stacks: readonly GeneratedStackSummary[]): GeneratedStackSummary[] {
  const key = (s: GeneratedStackSummary) => `${s.environment}/${s.stack}`;
  return [...stacks].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Number of resources (not data sources) in each generated stack, in path order. */
export function resourceCounts(stacks: readonly GeneratedStackSummary[]): StackCount[] {
  return byStackPath(stacks).map(({ environment, stack, resources }) => ({
    environment,
    stack,
    resources,
  }));
}

/** The counts as an aligned table. */
export function formatCounts(counts: readonly StackCount[]): string {
  const rows = [
    ['environment', 'stack', 'resources'],
    ...counts.map((c) => [c.environment, c.stack, String(c.resources)]),
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return (
    rows
      .map(
        (r) =>
          `  ${r.map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ')}`,
      )
      .join('\n') + '\n'
  );
}
