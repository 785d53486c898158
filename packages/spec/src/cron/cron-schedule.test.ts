import { checkCron } from './cron-schedule.js';

describe('checkCron', () => {
  it.each([
    ['* * * * *', 60],
    ['*/30 * * * *', 1800],
    ['0,1 * * * *', 3540],
    ['0 2 * * *', 86400],
    ['0 9-17 * * MON-FRI', 230400],
    ['0 0 * * 1', 604800],
    ['0 0 1 * *', 31 * 86400],
    // The longest gap is the one after a day's last run: every gap counts (the anchor skipped the last one).
    ['*/10 0-1 * * *', 22 * 3600 + 600],
  ])('%s has a longest gap of %s seconds', (cron, seconds) => {
    expect(checkCron(cron)).toEqual({ ok: true, maxIntervalSeconds: seconds });
  });

  it('reports a schedule that does not run twice in two years as an unbounded gap', () => {
    expect(checkCron('0 0 29 2 *')).toEqual({ ok: true, maxIntervalSeconds: Infinity });
  });

  it.each([
    ['0 0 * * * *', /five fields/],
    ['@hourly', /five fields/],
    ['0 0 L * *', /unsupported field "L"/],
    ['0 0 ? * *', /unsupported field/],
    ['61 * * * *', /minute/i],
  ])('rejects %s', (cron, message) => {
    const result = checkCron(cron);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
