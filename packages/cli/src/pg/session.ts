import type { SupervisedEnd } from '../cli/supervise.js';

/** What `msp pg connect` says before starting the proxy about how long it will run. */
export function sessionLimitLine(seconds: number): string {
  return seconds === 0
    ? 'The proxy runs until you stop it (Ctrl-C).'
    : `The proxy stops after ${formatDuration(seconds)} (--session-timeout); Ctrl-C stops it sooner.`;
}

/** Why the session ended, when the proxy did not end by itself. */
export function sessionEndMessage(end: SupervisedEnd, seconds: number): string | undefined {
  switch (end.reason) {
    case 'timeout':
      return `Session timeout of ${formatDuration(seconds)} reached: cloud-sql-proxy stopped. Run the command again to reconnect, or pass --session-timeout <seconds> (0: no limit).`;
    case 'signal':
      return `${end.signal === 'SIGINT' ? 'Interrupted' : 'Terminated'}: cloud-sql-proxy stopped.`;
    case 'exited':
      return undefined;
  }
}

/** `300` → `5m`, `3661` → `1h1m1s`. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts = [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : '', s > 0 ? `${s}s` : ''];
  return parts.join('') || '0s';
}
