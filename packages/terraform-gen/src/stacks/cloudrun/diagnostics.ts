import type { Expression } from '../../expression.js';
import { randomID } from '../../resources/random-id.js';
import { contractEnv } from './contract-env.js';
import type { CloudRunPart } from './part.js';

/**
 * The random secret guarding the diagnostics endpoints (`DIAGNOSTICS_SECRET`);
 * probes and the uptime check send it as a bearer token.
 */
export function diagnosticsPart(): CloudRunPart & { secret: Expression } {
  const secret = randomID('diagnostics_secret', { byteLength: 8 });
  return {
    fragments: [secret.fragment],
    env: [contractEnv('service', 'DIAGNOSTICS_SECRET', secret.outputs.hex)],
    volumes: [],
    dependsOn: [],
    outputs: {
      diagnostics_secret: {
        value: secret.outputs.hex,
        description: 'Bearer token of the diagnostics endpoints (for the uptime check).',
        sensitive: true,
      },
    },
    secret: secret.outputs.hex,
  };
}
