/** rollout.stages and deploy.type rollout must agree. */
import type { Rule } from './rule.js';
import { environments } from './rule.js';

export const rolloutEmpty: Rule = {
  code: 'rollout-empty',
  *check({ spec }) {
    if (spec.rollout !== undefined && spec.rollout.stages.length === 0) {
      yield {
        path: ['rollout', 'stages'],
        message: 'rollout spec is defined but contains no stages',
        hint: 'list environments in promotion order, or remove rollout',
      };
    }
  },
};

export const rolloutUnknownEnvironment: Rule = {
  code: 'rollout-unknown-environment',
  *check({ spec }) {
    const ids = spec.environments.map((env) => env.id);
    for (const [index, stage] of (spec.rollout?.stages ?? []).entries()) {
      if (!ids.includes(stage.environment)) {
        yield {
          path: ['rollout', 'stages', index, 'environment'],
          message: `rollout stage references unknown environment "${stage.environment}"`,
          hint: `environments: ${ids.join(', ')}`,
        };
      }
    }
  },
};

export const rolloutDuplicateStage: Rule = {
  code: 'rollout-duplicate-stage',
  *check({ spec }) {
    const seen = new Set<string>();
    for (const [index, stage] of (spec.rollout?.stages ?? []).entries()) {
      if (seen.has(stage.environment)) {
        yield {
          path: ['rollout', 'stages', index, 'environment'],
          message: `rollout stage references environment "${stage.environment}" more than once`,
        };
      }
      seen.add(stage.environment);
    }
  },
};

export const rolloutDeployType: Rule = {
  code: 'rollout-deploy-type',
  *check({ spec }) {
    const staged = new Set((spec.rollout?.stages ?? []).map((stage) => stage.environment));
    for (const [env, , path] of environments(spec)) {
      const isRollout = env.deploy.type === 'rollout';
      if (staged.has(env.id) && !isRollout) {
        yield {
          path: [...path, 'deploy', 'type'],
          message: `environment "${env.id}" is referenced in a rollout stage - deploy type must be "rollout"`,
        };
      } else if (!staged.has(env.id) && isRollout) {
        yield {
          path: [...path, 'deploy', 'type'],
          message: `environment "${env.id}" has deploy type "rollout", but is not referenced in rollout stages`,
          hint: 'add it to rollout.stages, or use another deploy type',
        };
      }
    }
  },
};
