/** Fields that only one kind (service or job) supports. */
import { JOB_ONLY_FIELDS, SERVICE_ONLY_FIELDS } from '../schema/service-fields.js';
import type { IssueCode } from '../issues/issue-codes.js';
import type { Rule } from './rule.js';
import { environments, isJob } from './rule.js';

/** Fields of the other kind, present in an environment of `kind`. */
function otherKindFields(
  code: IssueCode,
  kind: 'service' | 'job',
  fields: readonly string[],
): Rule {
  const other = kind === 'job' ? 'service' : 'job';
  return {
    code,
    *check({ spec }) {
      if (isJob(spec) !== (kind === 'job')) return;
      for (const [env, , path] of environments(spec)) {
        for (const field of fields.filter((name) => name in env)) {
          yield {
            path: [...path, field],
            at: 'key',
            message: `"${field}" is not supported for kind: ${kind}`,
            hint: `remove it, or set service.kind to ${other}`,
          };
        }
      }
    },
  };
}

export const serviceFieldInJob = otherKindFields(
  'service-field-in-job',
  'job',
  SERVICE_ONLY_FIELDS,
);
export const jobFieldInService = otherKindFields(
  'job-field-in-service',
  'service',
  JOB_ONLY_FIELDS,
);

export const jobRolloutDeploy: Rule = {
  code: 'job-rollout-deploy',
  *check({ spec }) {
    if (!isJob(spec)) return;
    for (const [env, , path] of environments(spec)) {
      if (env.deploy?.type === 'rollout') {
        yield {
          path: [...path, 'deploy', 'type'],
          message: 'deploy type "rollout" is not supported for kind: job',
          hint: 'use manual or subscription',
        };
      }
    }
  },
};

export const jobScaling: Rule = {
  code: 'job-scaling',
  *check({ spec }) {
    if (!isJob(spec)) return;
    for (const [env, , path] of environments(spec)) {
      if (env.instances?.scaling !== undefined) {
        yield {
          path: [...path, 'instances', 'scaling'],
          at: 'key',
          message: 'instances.scaling is not supported for kind: job',
          hint: 'remove it; a job runs one task per execution',
        };
      }
    }
  },
};

export const jobAlerts: Rule = {
  code: 'job-alerts',
  *check({ spec }) {
    if (!isJob(spec) || (spec.monitoring?.alerts?.responseCodeRatios ?? []).length === 0) return;
    yield {
      path: ['monitoring', 'alerts', 'responseCodeRatios'],
      at: 'key',
      message: 'responseCodeRatios alerts are only supported for kind: service',
      hint: 'remove them, or use customAlerts',
    };
  },
};
