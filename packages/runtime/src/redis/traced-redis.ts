import type { Redis } from 'ioredis';
import { addBreadcrumb } from '../sentry/breadcrumbs.js';
import { endClientSpan, startClientSpan } from '../telemetry/client-spans.js';
import type { RedisConnectionOptions } from './redis-options.js';

type SendCommand = Redis['sendCommand'];

/**
 * An ioredis client whose commands are CLIENT spans under the active span,
 * named after the command (`GET`), with `db.system.name`, `db.namespace` (the
 * database index), `db.operation.name`, `server.address` and `server.port`.
 * Arguments are not recorded (they often hold keys and values worth keeping
 * out of traces). Commands outside a recorded span, such as the ones ioredis
 * sends while connecting, cost one check. With Sentry on, each command is
 * also a breadcrumb (its name only).
 */
export function tracedRedis(RedisClass: typeof Redis, options: RedisConnectionOptions): Redis {
  const base = {
    'db.system.name': 'redis',
    'db.namespace': String(options.db),
    'server.address': options.host,
    'server.port': options.port,
  };
  const sendCommand = RedisClass.prototype.sendCommand;
  class TracedRedis extends RedisClass {}
  TracedRedis.prototype.sendCommand = function tracedSendCommand(this: Redis, command, stream) {
    addBreadcrumb(() => ({
      category: 'redis',
      type: 'query',
      message: command.name.toUpperCase(),
      data: { 'db.system.name': 'redis', 'db.namespace': String(options.db) },
    }));
    const span = startClientSpan(() => {
      const operation = command.name.toUpperCase();
      return { name: operation, attributes: { ...base, 'db.operation.name': operation } };
    });
    const result = sendCommand.call(this, command, stream);
    if (span !== undefined) {
      command.promise.then(
        () => endClientSpan(span),
        (error: unknown) => endClientSpan(span, error),
      );
    }
    return result;
  } as SendCommand;
  return new TracedRedis(options);
}
