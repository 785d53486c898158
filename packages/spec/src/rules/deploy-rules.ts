/** deploy blocks must match deploy.type. */
import type { Rule } from './rule.js';
import { environments } from './rule.js';

export const deploySettings: Rule = {
  code: 'deploy-settings',
  *check({ spec, malformed }) {
    for (const [env, , path] of environments(spec)) {
      const deploy = env.deploy;
      if (deploy?.type === undefined) continue;
      const at = [...path, 'deploy'];
      if (deploy.type !== 'manual' && deploy.manual !== undefined) {
        yield {
          path: [...at, 'manual'],
          at: 'key',
          message: `manual deploy settings provided when type is ${deploy.type}`,
          hint: 'remove deploy.manual or set deploy.type to manual',
        };
      }
      if (deploy.type !== 'subscription' && deploy.subscription !== undefined) {
        yield {
          path: [...at, 'subscription'],
          at: 'key',
          message: `subscription deploy settings provided when type is ${deploy.type}`,
          hint: 'remove deploy.subscription or set deploy.type to subscription',
        };
      }
      if (
        deploy.type === 'subscription' &&
        deploy.subscription === undefined &&
        !malformed([...at, 'subscription'])
      ) {
        yield {
          path: [...at, 'type'],
          message: 'no subscription specified when deploy type is subscription',
          hint: 'add deploy.subscription.tag, the image tag to follow',
        };
      }
    }
  },
};
