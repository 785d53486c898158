// The area scripts' output convention. With `--json`, one JSON document on stdout:
//   { area, title?, command?, description?: [text], results: [{ name, unit, samples, group?, x?, series? }], ratios?: [...] }
// (the orchestrator bench/run.mjs computes medians and spreads). Without it, a text table.
import { formatNumber, summarize } from './stats.mjs';

export function printArea(area, json) {
  if (json) {
    process.stdout.write(`${JSON.stringify(area)}\n`);
    return;
  }
  console.log(`${area.title ?? area.area}`);
  for (const result of area.results) {
    const s = summarize(result.samples);
    console.log(
      `  ${result.name}${result.series ? ` (${result.series})` : ''}: median ${formatNumber(s.median)} ${result.unit} (p25–p75 ${formatNumber(s.p25)}–${formatNumber(s.p75)}, n=${s.n})`,
    );
  }
}
