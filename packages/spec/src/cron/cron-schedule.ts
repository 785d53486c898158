/**
 * Cron schedules as Cloud Scheduler runs them: five fields, Etc/UTC (as a zero UTC offset,
 * which is exact and much faster than a named time zone in croner). Parsing
 * is croner's; the longest gap between runs is computed exactly over two
 * years of runs (every gap counts, including the last one).
 */
import { Cron } from 'croner';

export type CronCheck =
  | { readonly ok: true; readonly maxIntervalSeconds: number }
  | { readonly ok: false; readonly message: string };

/** A fixed start keeps the result independent of the current date. */
const START = Date.UTC(2025, 0, 1);
const DAY_MS = 86_400_000;
const HORIZON_DAYS = 2 * 366;
/** Cloud Scheduler's unix-cron has no seconds, years, `?`, `L`, `W` or `#`. */
const FIELD =
  /^(\*|[0-9]+|[A-Za-z]{3})(-([0-9]+|[A-Za-z]{3}))?(\/[0-9]+)?(,(\*|[0-9]+|[A-Za-z]{3})(-([0-9]+|[A-Za-z]{3}))?(\/[0-9]+)?)*$/;

/** Results by expression: checking is pure and costs milliseconds, and rules and resolveSpec ask again. */
const cache = new Map<string, CronCheck>();
const CACHE_LIMIT = 256;

export function checkCron(expression: string): CronCheck {
  let result = cache.get(expression);
  if (result === undefined) {
    result = computeCronCheck(expression);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(expression, result);
  }
  return result;
}

function computeCronCheck(expression: string): CronCheck {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return {
      ok: false,
      message: `must have five fields (minute hour day-of-month month day-of-week), got ${fields.length}`,
    };
  }
  const bad = fields.find((field) => !FIELD.test(field));
  if (bad !== undefined) return { ok: false, message: `unsupported field "${bad}"` };
  let cron: Cron;
  try {
    cron = new Cron(expression, { utcOffset: 0, mode: '5-part', paused: true });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const gap = longestGapMs(cron);
  // A schedule that runs at most once in two years has no finite gap to report.
  return { ok: true, maxIntervalSeconds: gap === undefined ? Infinity : gap / 1000 };
}

/**
 * Minutes and hours do not depend on the day, so every day that runs has the
 * same runs. The longest gap is the larger of the longest gap inside such a
 * day and the longest gap from one running day's last run to the next's first.
 */
function longestGapMs(cron: Cron): number | undefined {
  const first = cron.nextRun(new Date(START - 1));
  if (first === null) return undefined;
  const firstDay = dayStart(first.getTime());
  const runsInDay: number[] = [];
  for (
    let run: Date | null = first;
    run !== null && run.getTime() < firstDay + DAY_MS;
    run = cron.nextRun(run)
  ) {
    runsInDay.push(run.getTime() - firstDay);
  }
  let longest = 0;
  for (let i = 1; i < runsInDay.length; i++)
    longest = Math.max(longest, (runsInDay[i] ?? 0) - (runsInDay[i - 1] ?? 0));
  const firstOffset = runsInDay[0] ?? 0;
  const lastOffset = runsInDay[runsInDay.length - 1] ?? 0;
  let day = firstDay;
  let crossings = 0;
  while (day < START + HORIZON_DAYS * DAY_MS) {
    const next = cron.nextRun(new Date(day + DAY_MS - 1));
    if (next === null || next.getTime() > START + HORIZON_DAYS * DAY_MS + DAY_MS * 400) break;
    const nextDay = dayStart(next.getTime());
    longest = Math.max(longest, nextDay + firstOffset - (day + lastOffset));
    crossings++;
    day = nextDay;
  }
  return crossings === 0 && runsInDay.length < 2 ? undefined : longest;
}

function dayStart(ms: number): number {
  return ms - (ms % DAY_MS);
}
