// A service that reports through @sentry/node itself, without calling
// Sentry.init: its captures must reach the runtime's client.
import * as Sentry from '@sentry/node';
import { startSentry } from '../../src/sentry/start-sentry.js';

const logger = { debug() {}, info() {}, warn: console.error, error: console.error };
const reporter = await startSentry({
  env: process.env,
  serviceName: 'sentry-node-user',
  serviceVersion: '3.1.4',
  logger,
});
// The runtime's client loads in the background; flushing waits for it.
await reporter.flush();
Sentry.captureException(new TypeError('captured through @sentry/node'));
Sentry.captureMessage('a message through @sentry/node', 'warning');
await reporter.close();
console.log('done');
