import type { PlatformConfig } from '../platform-config.js';
import type { ServiceSpec } from '../generated/service-spec.js';
import type { ResolvedMonitoring, ResolvedRollout, ResolvedSpec } from '../resolved.js';
import { SPEC_DEFAULTS } from '../schema/defaults.js';
import {
  apiServiceName,
  customAlertID,
  imageProject,
  serviceNames,
  uniqueValues,
} from './names.js';
import { resolveEnvironment } from './resolve-environment.js';
import type { SpecAssets } from './spec-assets.js';

/**
 * Fills every default and derives every name, so that generation reads
 * values and derives nothing. `spec` must come from a successful
 * validateSpec (or loadSpec) with the same platform config.
 * @throws {UsageError} when given a spec that validation would reject, or
 *   BigQuery tables without schemas in `assets`.
 */
export function resolveSpec(
  spec: ServiceSpec,
  platform: PlatformConfig,
  assets: SpecAssets = {},
): ResolvedSpec {
  const { service } = spec;
  const image = imageProject(spec.build.image);
  const handbook = platform.handbookURLTemplate;
  const kind = service.kind ?? SPEC_DEFAULTS.kind;
  return {
    service: {
      id: service.id,
      name: service.name ?? service.id,
      kind,
      owners: service.owners,
      description: service.description,
      ...(service.notionPageID === undefined ? {} : { notionPageID: service.notionPageID }),
      ...(service.notionPageID === undefined || handbook === undefined
        ? {}
        : { handbookURL: handbook.replace('{id}', service.notionPageID) }),
      ...(service.protocol === undefined ? {} : { protocol: service.protocol }),
      iam: {
        services: uniqueValues(service.iam?.services?.map(apiServiceName)),
        roles: uniqueValues(service.iam?.roles),
        permissions: uniqueValues(service.iam?.permissions),
      },
    },
    build: {
      image: spec.build.image,
      ...(image === undefined ? {} : { imageProject: image }),
      ...(spec.build.source?.repo === undefined
        ? {}
        : { source: { repo: spec.build.source.repo, dir: spec.build.source.dir ?? '.' } }),
    },
    environments: spec.environments.map((env) => resolveEnvironment(spec, env, platform, assets)),
    monitoring: resolveMonitoring(spec),
    ...(spec.rollout === undefined ? {} : { rollout: resolveRollout(spec) }),
    ...(assets.readme === undefined ? {} : { readme: assets.readme }),
    names: serviceNames({ id: service.id, kind }, platform),
  };
}

function resolveMonitoring(spec: ServiceSpec): ResolvedMonitoring {
  const alerts = spec.monitoring?.alerts;
  return {
    responseCodeRatios: (alerts?.responseCodeRatios ?? []).map((alert) => ({
      id: alert.id,
      name: alert.name,
      ...(alert.description === undefined ? {} : { description: alert.description }),
      ...(alert.code === undefined ? {} : { code: alert.code }),
      ...(alert.codeClass === undefined ? {} : { codeClass: alert.codeClass }),
      excludeCodes: alert.excludeCodes ?? [],
      durationMinutes: alert.durationMinutes ?? SPEC_DEFAULTS.alertDurationMinutes,
      ratio: alert.ratio,
    })),
    customAlerts: (alerts?.customAlerts ?? []).map((alert) => ({
      id: customAlertID(alert.name),
      name: alert.name,
      ...(alert.description === undefined ? {} : { description: alert.description }),
      severityLevel: alert.severityLevel,
      condition: {
        type: alert.condition.type,
        query: alert.condition.query,
        durationMinutes: alert.condition.durationMinutes ?? SPEC_DEFAULTS.alertDurationMinutes,
      },
    })),
  };
}

function resolveRollout(spec: ServiceSpec): ResolvedRollout {
  const rollout = spec.rollout;
  const projectOf = (id: string) => spec.environments.find((env) => env.id === id)?.projectID ?? '';
  return {
    stages: (rollout?.stages ?? []).map((stage) => ({
      environmentID: stage.environment,
      projectID: projectOf(stage.environment),
    })),
    suspended: rollout?.suspended ?? false,
    ...(rollout?.serviceAccount === undefined ? {} : { serviceAccount: rollout.serviceAccount }),
    initialImageTag: rollout?.initialImageTag ?? SPEC_DEFAULTS.initialImageTag,
  };
}
