import { configBlocks, parseTerraformJSON } from '../terraform/resources.js';
import { parseStackPath } from './generate-service.js';

export interface StackCount {
  readonly environment: string;
  readonly stack: string;
  readonly resources: number;
}

/** Number of resources (not data sources) in each generated stack, in generation order. */
export function resourceCounts(files: ReadonlyMap<string, string>): StackCount[] {
  const counts: StackCount[] = [];
  for (const [path, text] of files) {
    const parsed = parseStackPath(path);
    if (parsed === undefined || !parsed.file.endsWith('.tf.json')) continue;
    const resources = configBlocks(parseTerraformJSON(text)).filter(
      (b) => !b.address.startsWith('data.') && b.type !== 'module',
    ).length;
    const existing = counts.findIndex(
      (c) => c.environment === parsed.environment && c.stack === parsed.stack,
    );
    if (existing === -1)
      counts.push({ environment: parsed.environment, stack: parsed.stack, resources });
    else
      counts[existing] = { ...parsed, resources: (counts[existing]?.resources ?? 0) + resources };
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
