/**
 * Older field names of the anchor's spec, accepted with a warning that names
 * the replacement. Rewrites them to the newest shape so rules and resolveSpec
 * see one form; setting an old field and its replacement together is an error.
 * (`bigQueryTable` is kept as is: resolveSpec reads its inline schema.)
 */
import type { EnvironmentSpec, ServiceSpec } from '../generated/service-spec.js';
import type { FieldPath } from '../issues/spec-issue.js';
import { SPEC_DEFAULTS } from '../schema/defaults.js';
import type { IssueInput } from '../yaml/yaml-document.js';
import type { Loose } from './loose.js';

export interface Migration<S> {
  readonly spec: S;
  readonly issues: readonly IssueInput[];
}

/** Works on a well-formed spec and on the well-formed parts of one (see `Loose`). */
export function migrateLegacyFields<S extends Loose<ServiceSpec>>(input: S): Migration<S> {
  const copy = structuredClone(input);
  const spec: Loose<ServiceSpec> = copy;
  const issues: IssueInput[] = [];
  const deprecated = (path: FieldPath, message: string, hint: string) =>
    issues.push({ code: 'deprecated-field', severity: 'warning', path, at: 'key', message, hint });
  const conflict = (path: FieldPath, old: string, replacement: string) =>
    issues.push({
      code: 'conflicting-fields',
      path,
      at: 'key',
      message: `"${old}" and its replacement "${replacement}" are both set`,
      hint: `remove "${old}"`,
    });

  for (const [index, env] of (spec.environments ?? []).entries()) {
    if (env === undefined) continue;
    const path: FieldPath = ['environments', index];
    migrateProbes(env, path, deprecated, conflict);
    if (env.schedule?.deadline !== undefined) {
      if (env.deadlineSeconds !== undefined)
        conflict([...path, 'schedule', 'deadline'], 'schedule.deadline', 'deadlineSeconds');
      else {
        deprecated(
          [...path, 'schedule', 'deadline'],
          '"schedule.deadline" is deprecated: use "deadlineSeconds" (beside schedule)',
          `write deadlineSeconds: ${env.schedule.deadline}`,
        );
        env.deadlineSeconds = env.schedule.deadline;
      }
      delete env.schedule.deadline;
    }
    const redis = env.resources?.redis;
    if (redis?.tier !== undefined) {
      const at = [...path, 'resources', 'redis', 'tier'];
      if (redis.highAvailability !== undefined)
        conflict(at, 'redis.tier', 'redis.highAvailability');
      else {
        deprecated(
          at,
          '"redis.tier" is deprecated: use "redis.highAvailability"',
          `write highAvailability: ${redis.tier === 'STANDARD_HA'}`,
        );
        redis.highAvailability = redis.tier === 'STANDARD_HA';
      }
      delete redis.tier;
    }
    if (env.resources?.bigQueryTable !== undefined) {
      const at = [...path, 'resources', 'bigQueryTable'];
      if (env.resources.bigQueryDataset !== undefined)
        conflict(at, 'bigQueryTable', 'bigQueryDataset');
      else
        deprecated(
          at,
          '"bigQueryTable" is deprecated: use "bigQueryDataset" with a <table>.bigquerytable.json schema file',
          'the workload now gets BIGQUERY_PROJECT_ID and BIGQUERY_DATASET_ID',
        );
    }
    const auth = env.authentication;
    if (auth?.sourcegraph !== undefined) {
      const at = [...path, 'authentication', 'sourcegraph'];
      if (auth.organizationDomain !== undefined)
        conflict(at, 'authentication.sourcegraph', 'authentication.organizationDomain');
      else {
        deprecated(
          at,
          '"authentication.sourcegraph" is deprecated: use "authentication.organizationDomain"',
          'the domain comes from authenticationDomain in the platform config',
        );
        auth.organizationDomain = auth.sourcegraph;
      }
      delete auth.sourcegraph;
    }
    if (env.domain?.cloudflare?.required !== undefined) {
      deprecated(
        [...path, 'domain', 'cloudflare', 'required'],
        '"domain.cloudflare.required" was never implemented and has no effect',
        'remove it',
      );
      delete env.domain.cloudflare.required;
    }
    if (env.privateNetworking !== undefined) {
      deprecated(
        [...path, 'privateNetworking'],
        '"privateNetworking" is no longer supported and is ignored',
        'remove it; msp does not provision VPC Service Controls',
      );
      delete env.privateNetworking;
    }
  }
  if (spec.monitoring?.nobl9 !== undefined) {
    deprecated(
      ['monitoring', 'nobl9'],
      '"monitoring.nobl9" is no longer supported and is ignored',
      'remove it',
    );
    delete spec.monitoring.nobl9;
  }
  return { spec: copy, issues };
}

type Report = (path: FieldPath, message: string, hint: string) => void;
type Conflict = (path: FieldPath, old: string, replacement: string) => void;

/** startupProbe/livenessProbe (timeouts and intervals default to 1 s) → healthProbes. */
function migrateProbes(
  env: Loose<EnvironmentSpec>,
  path: FieldPath,
  deprecated: Report,
  conflict: Conflict,
): void {
  const { startupProbe, livenessProbe } = env;
  if (startupProbe === undefined && livenessProbe === undefined) return;
  for (const [field, value] of [
    ['startupProbe', startupProbe],
    ['livenessProbe', livenessProbe],
  ] as const) {
    if (value === undefined) continue;
    if (env.healthProbes !== undefined) conflict([...path, field], field, 'healthProbes');
    else
      deprecated(
        [...path, field],
        `"${field}" is deprecated: use "healthProbes"`,
        'healthProbes: { timeout, startupInterval, livenessInterval } in seconds',
      );
  }
  if (env.healthProbes === undefined) {
    const timeout =
      startupProbe?.timeout ?? livenessProbe?.timeout ?? SPEC_DEFAULTS.legacyProbeSeconds;
    env.healthProbes =
      startupProbe?.disabled === true
        ? { healthzProbes: false }
        : {
            healthzProbes: true,
            timeout,
            startupInterval: startupProbe?.interval ?? timeout,
            livenessInterval: livenessProbe?.interval ?? timeout,
          };
  }
  delete env.startupProbe;
  delete env.livenessProbe;
}
