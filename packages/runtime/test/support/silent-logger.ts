import { createLogOutput } from '../../src/logging/logger.js';

/** A logger that writes nothing, for unit tests of steps that log. */
export const silentLogger = createLogOutput({
  level: 'error',
  format: 'json',
  service: { name: 'test', version: '0' },
  projectId: undefined,
  write: () => undefined,
}).logger;
