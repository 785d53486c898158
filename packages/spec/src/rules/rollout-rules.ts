/** rollout.stages and deploy.type rollout must agree. */
import type { Rule } from './rule.js';
import { environments, items } from './rule.js';

export const rolloutEmpty: Rule = {
  code: 'rollout-empty',
  *check({ spec }) {
    if (spec.rollout?.stages !== undefined && spec.rollout.stages.length === 0) {
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
    const ids = (spec.environments ?? []).map((env) => env?.id);
    // An environment whose ID is malformed could be the one a stage names.
    if (ids.includes(undefined)) return;
    for (const [stage, index] of items(spec.rollout?.stages)) {
      if (stage.environment === undefined) continue;
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
    for (const [stage, index] of items(spec.rollout?.stages)) {
      if (stage.environment === undefined) continue;
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
  *check({ spec, malformed }) {
    const stages = (spec.rollout?.stages ?? []).map((stage) => stage?.environment);
    // A malformed stage could name any environment.
    if (stages.includes(undefined) || malformed(['rollout']) || malformed(['rollout', 'stages']))
      return;
    const staged = new Set(stages);
    for (const [env, , path] of environments(spec)) {
      if (env.id === undefined || env.deploy?.type === undefined) continue;
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
