// Starts Sentry from the environment, then throws an uncaught error: Sentry
// must report it (with release and environment) before the process exits.
import { startSentry } from '../../src/sentry/start-sentry.js';

const logger = { debug() {}, info() {}, warn() {}, error() {} };
await startSentry({ env: process.env, serviceName: 'crasher', serviceVersion: '0.0.1', logger });
setTimeout(() => {
  throw new RangeError('uncaught in a timer');
}, 10);
