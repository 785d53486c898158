/** Plain and secret environment variables. */
import { CONTRACT_VARIABLES, CONTRACT_VARIABLE_NAMES } from '../contract/index.js';
import type { ContractVariable } from '../contract/index.js';
import { templateErrors, usesField } from '../resolve/env-template.js';
import type { Rule } from './rule.js';
import { environments } from './rule.js';

/** Names Cloud Run sets itself and rejects in a container spec. */
const CLOUD_RUN_RESERVED = [
  'PORT',
  'K_SERVICE',
  'K_REVISION',
  'K_CONFIGURATION',
  'CLOUD_RUN_JOB',
  'CLOUD_RUN_EXECUTION',
  'CLOUD_RUN_TASK_INDEX',
  'CLOUD_RUN_TASK_ATTEMPT',
  'CLOUD_RUN_TASK_COUNT',
];
/**
 * Names a spec may not set: contract variables the platform sets (`setBy` msp
 * or cloud-run) and Cloud Run's own. Variables with `setBy: 'operator'`
 * (LOG_LEVEL, LOG_FORMAT, ...) are the operator's to set in `env`.
 */
const RESERVED = new Set<string>([
  ...CONTRACT_VARIABLE_NAMES.filter((name) => CONTRACT_VARIABLES[name].setBy !== 'operator'),
  ...CLOUD_RUN_RESERVED,
]);

export const envNameConflict: Rule = {
  code: 'env-name-conflict',
  *check({ spec }) {
    for (const [env, , path] of environments(spec)) {
      const plain = Object.keys(env.env ?? {});
      const secret = Object.keys(env.secretEnv ?? {});
      for (const [field, names] of [
        ['env', plain],
        ['secretEnv', secret],
      ] as const) {
        for (const name of names) {
          if (RESERVED.has(name)) {
            yield {
              path: [...path, field, name],
              at: 'key',
              message: `${name} is set by the platform and cannot be set in ${field}`,
              hint: 'rename the variable; docs/reference lists the runtime contract',
            };
          }
        }
      }
      for (const name of secret) {
        if (plain.includes(name)) {
          yield {
            path: [...path, 'secretEnv', name],
            at: 'key',
            message: `${name} is set in both env and secretEnv`,
            hint: 'keep one of them',
          };
        }
      }
    }
  },
};

/** Operator-set contract variables whose value the runtime would refuse. */
export const envContractValue: Rule = {
  code: 'env-contract-value',
  *check({ spec }) {
    for (const [env, , path] of environments(spec)) {
      for (const [name, value] of Object.entries(env.env ?? {})) {
        if (!(name in CONTRACT_VARIABLES) || value === undefined) continue;
        const variable: ContractVariable =
          CONTRACT_VARIABLES[name as keyof typeof CONTRACT_VARIABLES];
        if (variable.values === undefined || variable.values.includes(value)) continue;
        yield {
          path: [...path, 'env', name],
          severity: 'warning',
          message: `${name} "${value}" is not a value @msp/runtime accepts (${variable.values.join(', ')}): a service on it refuses to start`,
          hint: `use one of ${variable.values.join(', ')}, or leave it if the workload does not use @msp/runtime`,
        };
      }
    }
  },
};

export const envTemplate: Rule = {
  code: 'env-template',
  *check({ spec }) {
    for (const [env, , path] of environments(spec)) {
      for (const [name, value] of Object.entries(env.env ?? {})) {
        for (const message of templateErrors(value ?? ''))
          yield { path: [...path, 'env', name], message };
      }
    }
  },
};

export const envTemplateNoDomain: Rule = {
  code: 'env-template-no-domain',
  *check({ spec }) {
    for (const [env, , path] of environments(spec)) {
      if (env.domain?.type === 'cloudflare') continue;
      for (const [name, value] of Object.entries(env.env ?? {})) {
        if (usesField(value ?? '', 'ServiceDnsName')) {
          yield {
            path: [...path, 'env', name],
            severity: 'warning',
            message: '{{ .ServiceDnsName }} is empty because this environment has no domain',
            hint: 'configure domain, or remove the template',
          };
        }
      }
    }
  },
};
