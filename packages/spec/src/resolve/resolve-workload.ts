/** Settings of a service or of a job in one environment. */
import type { PlatformConfig } from '../platform-config.js';
import type { EnvironmentSpec } from '../generated/service-spec.js';
import type {
  ResolvedHealthProbes,
  ResolvedJobSettings,
  ResolvedServiceSettings,
} from '../resolved.js';
import { checkCron } from '../cron/cron-schedule.js';
import { SPEC_DEFAULTS } from '../schema/defaults.js';

export function resolveServiceSettings(
  env: EnvironmentSpec,
  platform: PlatformConfig,
): ResolvedServiceSettings {
  const healthProbes = resolveHealthProbes(env);
  const cloudflare = env.domain?.type === 'cloudflare' ? env.domain.cloudflare : undefined;
  const proxied = cloudflare?.proxied ?? SPEC_DEFAULTS.cloudflareProxied;
  return {
    ...(cloudflare === undefined
      ? {}
      : {
          domain: {
            type: 'cloudflare',
            subdomain: cloudflare.subdomain,
            zone: cloudflare.zone,
            dnsName: `${cloudflare.subdomain}.${cloudflare.zone}`,
            proxied,
            // Only a proxied domain has an edge to admit; an unproxied one would be shut off.
            cloudflareOnly: proxied && (cloudflare.cloudflareOnly ?? true),
            loadBalancerLogging: env.domain?.networking?.loadBalancerLogging ?? false,
          },
        }),
    healthProbes,
    invokers: invokers(env, platform),
    ...(env.authentication?.organizationDomain === true &&
    platform.authenticationDomain === undefined
      ? { invokerDomainFromInput: true as const }
      : {}),
    maximumStartupLatencySeconds: healthProbes.enabled
      ? 3 * healthProbes.startupIntervalSeconds
      : SPEC_DEFAULTS.startupLatencyWithoutProbesSeconds,
  };
}

function resolveHealthProbes(env: EnvironmentSpec): ResolvedHealthProbes {
  const probes = env.healthProbes;
  if (probes === undefined || probes.healthzProbes === false) return { enabled: false };
  const timeout = probes.timeout ?? SPEC_DEFAULTS.healthProbeTimeoutSeconds;
  return {
    enabled: true,
    timeoutSeconds: timeout,
    startupIntervalSeconds: probes.startupInterval ?? timeout,
    livenessIntervalSeconds:
      probes.livenessInterval ?? SPEC_DEFAULTS.livenessIntervalTimeouts * timeout,
  };
}

/**
 * Absent authentication: public. Present: only the members it names (the
 * organisation domain without authenticationDomain: see invokerDomainFromInput).
 */
function invokers(env: EnvironmentSpec, platform: PlatformConfig): string[] {
  const auth = env.authentication;
  if (auth === undefined) return ['allUsers'];
  return auth.organizationDomain === true && platform.authenticationDomain !== undefined
    ? [`domain:${platform.authenticationDomain}`]
    : [];
}

export function resolveJobSettings(env: EnvironmentSpec): ResolvedJobSettings {
  const deadlineSeconds = env.deadlineSeconds ?? SPEC_DEFAULTS.deadlineSeconds;
  if (env.schedule === undefined) return { deadlineSeconds };
  const cron = checkCron(env.schedule.cron);
  return {
    deadlineSeconds,
    schedule: {
      cron: env.schedule.cron,
      maxIntervalSeconds: cron.ok ? cron.maxIntervalSeconds : 0,
    },
  };
}
