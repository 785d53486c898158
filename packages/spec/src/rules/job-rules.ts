/** Scheduled job settings. */
import { checkCron } from '../cron/cron-schedule.js';
import { SPEC_DEFAULTS } from '../schema/defaults.js';
import type { Rule } from './rule.js';
import { environments, isJob } from './rule.js';

const MIN_INTERVAL_SECONDS = 15 * 60;
const MAX_INTERVAL_SECONDS = 8 * 24 * 3600;

export const cronInvalid: Rule = {
  code: 'cron-invalid',
  *check({ spec }) {
    for (const [env, , path] of environments(spec)) {
      if (env.schedule?.cron === undefined) continue;
      const result = checkCron(env.schedule.cron);
      if (!result.ok) {
        yield {
          path: [...path, 'schedule', 'cron'],
          message: `invalid schedule: ${result.message}`,
          hint: 'use five fields, e.g. "0 * * * *" for every hour (time zone Etc/UTC)',
        };
      }
    }
  },
};

export const cronInterval: Rule = {
  code: 'cron-interval',
  *check({ spec }) {
    for (const [env, , path] of environments(spec)) {
      if (env.schedule?.cron === undefined) continue;
      const result = checkCron(env.schedule.cron);
      if (!result.ok) continue;
      const at = [...path, 'schedule', 'cron'];
      if (result.maxIntervalSeconds < MIN_INTERVAL_SECONDS) {
        yield {
          path: at,
          message: `the longest interval must be at least 15m, got ${formatSeconds(result.maxIntervalSeconds)}`,
          hint: 'run at most every 15 minutes; for more frequent work use a service',
        };
      } else if (result.maxIntervalSeconds > MAX_INTERVAL_SECONDS) {
        const got = Number.isFinite(result.maxIntervalSeconds)
          ? formatSeconds(result.maxIntervalSeconds)
          : 'more than two years';
        yield {
          path: at,
          message: `the longest interval must be at most 8 days, got ${got}`,
          hint: 'run at least weekly',
        };
      }
    }
  },
};

export const jobDeadline: Rule = {
  code: 'job-deadline',
  *check({ spec, malformed }) {
    if (!isJob(spec)) return;
    for (const [env, , path] of environments(spec)) {
      if (env.schedule === undefined || malformed([...path, 'deadlineSeconds'])) continue;
      const deadline = env.deadlineSeconds ?? SPEC_DEFAULTS.deadlineSeconds;
      if (deadline < 15 || deadline > 1800) {
        yield {
          path:
            env.deadlineSeconds === undefined
              ? [...path, 'schedule']
              : [...path, 'deadlineSeconds'],
          message: `deadlineSeconds (${deadline}) must be between 15 and 1800 for a scheduled job: it is also the Cloud Scheduler attempt deadline`,
          hint: 'lower deadlineSeconds, or trigger long jobs another way',
        };
      }
    }
  },
};

export function formatSeconds(seconds: number): string {
  const units: [number, string][] = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'm'],
    [1, 's'],
  ];
  let rest = Math.round(seconds);
  let out = '';
  for (const [size, unit] of units) {
    if (rest >= size) {
      out += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return out === '' ? '0s' : out;
}
