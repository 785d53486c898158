// Small hand-written SVG charts for docs/performance.md: horizontal bars with a
// p25–p75 whisker, and line charts (log-log) for growth curves. No dependencies.
import { formatNumber } from './stats.mjs';

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';
const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];
const escape = (text) =>
  String(text).replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
  );
/** Tick labels: whole numbers as they are (0, 1, 250), others with three digits. */
const tickLabel = (value) => (Number.isInteger(value) ? String(value) : formatNumber(value));
const text = (x, y, content, attrs = '') =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escape(content)}</text>`;
const svg = (width, height, body) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">\n` +
  `<rect width="100%" height="100%" fill="#ffffff"/>\n${body.join('\n')}\n</svg>\n`;

/** A log10 scale from [min, max] onto [from, to], on whole decades. */
function logScale(min, max, from, to) {
  const lo = Math.floor(Math.log10(min));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(max)));
  const map = (v) => from + ((Math.log10(v) - lo) / (hi - lo)) * (to - from);
  const ticks = Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
  return { map, ticks };
}

/** About five round ticks from 0 to at least `max`. */
function linearTicks(max) {
  const step0 = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= step0);
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

/**
 * Horizontal bars (median) with a whisker from `low` to `high`. Bars use a log
 * scale when the values span more than `logAbove` times.
 */
export function barChart({ title, unit, bars, logAbove = 50 }) {
  const labelWidth = Math.min(420, 12 + 7 * Math.max(...bars.map((b) => b.label.length)));
  const width = labelWidth + 500;
  const rowHeight = 30;
  const top = 40;
  const plotLeft = labelWidth + 10;
  const plotRight = width - 90;
  const height = top + bars.length * rowHeight + 40;
  const values = bars.flatMap((b) => [b.median, b.high]).filter((v) => v > 0);
  const log = Math.max(...values) / Math.min(...values) > logAbove;
  let map;
  let ticks;
  if (log)
    ({ map, ticks } = logScale(Math.min(...values), Math.max(...values), plotLeft, plotRight));
  else {
    ticks = linearTicks(Math.max(...values));
    map = (v) => plotLeft + (v / ticks.at(-1)) * (plotRight - plotLeft);
  }
  const base = log ? plotLeft : map(0);
  const body = [
    text(
      10,
      22,
      `${title} (${unit}${log ? ', log scale' : ''})`,
      'font-size="14" font-weight="600"',
    ),
  ];
  const axisY = top + bars.length * rowHeight + 6;
  for (const tick of ticks) {
    const x = map(tick);
    body.push(
      `<line x1="${x.toFixed(1)}" y1="${top - 6}" x2="${x.toFixed(1)}" y2="${axisY}" stroke="#e5e7eb"/>`,
    );
    body.push(text(x, axisY + 16, tickLabel(tick), 'text-anchor="middle" fill="#6b7280"'));
  }
  bars.forEach((bar, i) => {
    const y = top + i * rowHeight;
    const color = COLORS[i % COLORS.length];
    body.push(text(plotLeft - 8, y + 17, bar.label, 'text-anchor="end"'));
    body.push(
      `<rect x="${base.toFixed(1)}" y="${y + 5}" width="${Math.max(1, map(bar.median) - base).toFixed(1)}" height="${rowHeight - 10}" fill="${color}" opacity="0.85"/>`,
    );
    const [lo, hi] = [map(Math.max(bar.low, log ? Math.min(...values) : 0)), map(bar.high)];
    body.push(
      `<line x1="${lo.toFixed(1)}" y1="${y + 15}" x2="${hi.toFixed(1)}" y2="${y + 15}" stroke="#111827"/>`,
    );
    body.push(
      text(Math.max(map(bar.median), hi) + 6, y + 19, `${formatNumber(bar.median)} ${unit}`),
    );
  });
  return svg(width, height, body);
}

/**
 * Lines of medians (with p25–p75 whiskers) over `x`, on log-log axes: a straight
 * line of slope 1 is linear growth.
 */
export function lineChart({ title, xLabel, unit, series }) {
  const legendWidth =
    series.length > 1 ? 40 + 7 * Math.max(...series.map((s) => s.name.length)) : 0;
  const width = 700 + legendWidth;
  const height = 360;
  const [left, right, top, bottom] = [70, width - legendWidth - 50, 40, height - 50];
  const points = series.flatMap((s) => s.points);
  const x = logScale(
    Math.min(...points.map((p) => p.x)),
    Math.max(...points.map((p) => p.x)),
    left,
    right,
  );
  const y = logScale(
    Math.min(...points.map((p) => p.low)),
    Math.max(...points.map((p) => p.high)),
    bottom,
    top,
  );
  const body = [text(10, 22, `${title} (${unit}, log-log)`, 'font-size="14" font-weight="600"')];
  for (const tick of x.ticks) {
    const px = x.map(tick);
    body.push(
      `<line x1="${px.toFixed(1)}" y1="${top}" x2="${px.toFixed(1)}" y2="${bottom}" stroke="#e5e7eb"/>`,
    );
    body.push(text(px, bottom + 16, tickLabel(tick), 'text-anchor="middle" fill="#6b7280"'));
  }
  for (const tick of y.ticks) {
    const py = y.map(tick);
    body.push(
      `<line x1="${left}" y1="${py.toFixed(1)}" x2="${right}" y2="${py.toFixed(1)}" stroke="#e5e7eb"/>`,
    );
    body.push(text(left - 6, py + 4, tickLabel(tick), 'text-anchor="end" fill="#6b7280"'));
  }
  body.push(text((left + right) / 2, height - 12, xLabel, 'text-anchor="middle"'));
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    const path = s.points
      .map((p) => `${x.map(p.x).toFixed(1)},${y.map(p.median).toFixed(1)}`)
      .join(' ');
    body.push(`<polyline points="${path}" fill="none" stroke="${color}" stroke-width="2"/>`);
    for (const p of s.points) {
      const px = x.map(p.x);
      body.push(
        `<line x1="${px.toFixed(1)}" y1="${y.map(p.low).toFixed(1)}" x2="${px.toFixed(1)}" y2="${y.map(p.high).toFixed(1)}" stroke="${color}"/>`,
      );
      body.push(
        `<circle cx="${px.toFixed(1)}" cy="${y.map(p.median).toFixed(1)}" r="3.5" fill="${color}"/>`,
      );
      body.push(text(px + 6, y.map(p.median) - 6, formatNumber(p.median), `fill="${color}"`));
    }
    if (legendWidth > 0) {
      body.push(
        `<rect x="${right + 40}" y="${top + i * 20}" width="12" height="12" fill="${color}"/>`,
      );
      body.push(text(right + 58, top + i * 20 + 10, s.name));
    }
  });
  return svg(width, height, body);
}
