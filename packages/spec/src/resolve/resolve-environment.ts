import type { PlatformConfig } from '../platform-config.js';
import type { EnvironmentSpec, ServiceSpec } from '../generated/service-spec.js';
import type {
  ResolvedDeploy,
  ResolvedEnvironment,
  ResolvedInstances,
  ResolvedSecretEnv,
  ResolvedSecretVolume,
} from '../resolved.js';
import { SPEC_DEFAULTS } from '../schema/defaults.js';
import { parseMemory, MIB } from '../units/memory.js';
import { splitMountPath } from '../rules/secret-rules.js';
import { applyTemplate } from './env-template.js';
import {
  cloudRunName,
  environmentNames,
  locationOf,
  projectDisplayName,
  regionOf,
} from './names.js';
import { resolveResources } from './resolve-resources.js';
import { resolveJobSettings, resolveServiceSettings } from './resolve-workload.js';
import { resolveSecretReference } from './secret-reference.js';
import type { SpecAssets } from './spec-assets.js';

export function resolveEnvironment(
  spec: ServiceSpec,
  env: EnvironmentSpec,
  platform: PlatformConfig,
  assets: SpecAssets,
): ResolvedEnvironment {
  const isProduction = env.category !== 'test';
  const region = regionOf(env, platform);
  const deploy = resolveDeploy(spec, env);
  const service = spec.service.kind === 'job' ? undefined : resolveServiceSettings(env, platform);
  const job = spec.service.kind === 'job' ? resolveJobSettings(env) : undefined;
  const stageIndex = (spec.rollout?.stages ?? []).findIndex(
    (stage) => stage.environment === env.id,
  );
  const templateData = { ProjectID: env.projectID, ServiceDnsName: service?.domain?.dnsName ?? '' };
  const name = cloudRunName(spec.service.id, env.id, region);
  const rolloutStage =
    stageIndex < 0
      ? undefined
      : { index: stageIndex, isFinal: stageIndex === (spec.rollout?.stages.length ?? 0) - 1 };
  return {
    id: env.id,
    projectID: env.projectID,
    category: env.category,
    isProduction,
    projectDisplayName: projectDisplayName(spec.service.name ?? spec.service.id, env.id),
    region,
    gcpLocation: locationOf(env, platform),
    cloudRunName: name,
    deploy,
    imageTag: deploy.type === 'rollout' ? deploy.initialImageTag : deploy.tag,
    allowDestroys: env.allowDestroys ?? false,
    env: sortedEntries(env.env).map(([name, value]) => ({
      name,
      value: applyTemplate(value, templateData),
    })),
    secretEnv: sortedEntries(env.secretEnv).map(([name, value]): ResolvedSecretEnv => ({
      name,
      ...resolveSecretReference(value, env.projectID),
    })),
    secretVolumes: sortedEntries(env.secretVolumes).map(([name, volume]): ResolvedSecretVolume => {
      const split = splitMountPath(volume.mountPath) ?? { dir: '/', file: volume.mountPath };
      return {
        name,
        mountDir: split.dir,
        fileName: split.file,
        ...resolveSecretReference(volume.secret, env.projectID),
      };
    }),
    instances: resolveInstances(env),
    alerting: { opsgenie: env.alerting?.opsgenie ?? isProduction },
    ...(service === undefined ? {} : { service }),
    ...(job === undefined ? {} : { job }),
    resources: resolveResources(spec, env, platform, assets),
    ...(rolloutStage === undefined ? {} : { rolloutStage }),
    names: environmentNames(
      spec.service.id,
      {
        id: env.id,
        projectID: env.projectID,
        region,
        cloudRunName: name,
        domain: service?.domain !== undefined,
        ...(rolloutStage === undefined ? {} : { rolloutStage }),
      },
      platform,
    ),
  };
}

function resolveDeploy(spec: ServiceSpec, env: EnvironmentSpec): ResolvedDeploy {
  const deploy = env.deploy;
  switch (deploy.type) {
    case 'manual':
      return { type: 'manual', tag: deploy.manual?.tag ?? SPEC_DEFAULTS.manualTag };
    case 'subscription':
      return { type: 'subscription', tag: deploy.subscription?.tag ?? SPEC_DEFAULTS.manualTag };
    case 'rollout':
      return {
        type: 'rollout',
        initialImageTag: spec.rollout?.initialImageTag ?? SPEC_DEFAULTS.initialImageTag,
      };
  }
}

function resolveInstances(env: EnvironmentSpec): ResolvedInstances {
  const { resources, scaling } = env.instances;
  const maxRequestConcurrency =
    scaling?.maxRequestConcurrency ?? SPEC_DEFAULTS.maxRequestConcurrency;
  return {
    cpu: resources.cpu,
    memory: resources.memory,
    memoryMiB: Math.round((parseMemory(resources.memory) ?? 0) / MIB),
    ...(resources.cloudRunGeneration === undefined
      ? {}
      : { cloudRunGeneration: resources.cloudRunGeneration === 1 ? 1 : 2 }),
    ...(scaling === undefined
      ? {}
      : {
          scaling: {
            minCount: scaling.minCount ?? SPEC_DEFAULTS.minCount,
            maxCount: scaling.maxCount ?? SPEC_DEFAULTS.maxCount,
            maxRequestConcurrency,
          },
        }),
    maxRequestConcurrency,
  };
}

/** Map entries sorted by key (code-unit order, as Go sorts strings), without undefined values. */
function sortedEntries<T>(map: { [key: string]: T | undefined } | undefined): [string, T][] {
  return Object.entries(map ?? {})
    .filter((entry): entry is [string, T] => entry[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
