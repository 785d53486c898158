import { configBlocks } from '../terraform/resources.js';
import { stackDocuments } from '../terraform/stack-documents.js';

export interface StackCount {
  readonly environment: string;
  readonly stack: string;
  readonly resources: number;
}

/** Number of resources (not data sources) in each generated stack, in generation order. */
export function resourceCounts(files: ReadonlyMap<string, string>): StackCount[] {
  const counts: StackCount[] = [];
  for (const { environment, stack, document } of stackDocuments(files)) {
    const resources = configBlocks(document).filter(
      (b) => !b.address.startsWith('data.') && b.type !== 'module',
    ).length;
    const i = counts.findIndex((c) => c.environment === environment && c.stack === stack);
    counts.splice(i === -1 ? counts.length : i, i === -1 ? 0 : 1, {
      environment,
      stack,
      resources: resources + (counts[i]?.resources ?? 0),
    });
  }
  return counts;
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
