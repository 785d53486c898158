import { formatDuration, sessionEndMessage, sessionLimitLine } from './session.js';

describe('pg connect session messages', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [300, '5m'],
    [3600, '1h'],
    [3661, '1h1m1s'],
  ])('formats %i seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('says whether the session has a limit', () => {
    expect(sessionLimitLine(0)).toContain('until you stop it');
    expect(sessionLimitLine(90)).toContain('stops after 1m30s');
  });

  it('explains only ends the proxy did not choose', () => {
    expect(sessionEndMessage({ reason: 'exited', code: 0 }, 300)).toBeUndefined();
    expect(sessionEndMessage({ reason: 'timeout' }, 300)).toContain(
      'Session timeout of 5m reached',
    );
    expect(sessionEndMessage({ reason: 'signal', signal: 'SIGTERM' }, 300)).toBe(
      'Terminated: cloud-sql-proxy stopped.',
    );
  });
});
