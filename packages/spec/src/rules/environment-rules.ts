/** Rules on environment identity: IDs, project IDs and locations (derived names: name-rules.ts). */
import { NAME_LIMITS, normalizeLocation } from '../resolve/names.js';
import type { Rule } from './rule.js';
import { environments } from './rule.js';

export const duplicateEnvironment: Rule = {
  code: 'duplicate-environment',
  *check({ spec }) {
    const seen = new Set<string>();
    for (const [env, , path] of environments(spec)) {
      if (env.id === undefined) continue;
      if (seen.has(env.id))
        yield {
          path: [...path, 'id'],
          message: `environment ID "${env.id}" is used more than once`,
        };
      seen.add(env.id);
    }
  },
};

export const projectIDFormat: Rule = {
  code: 'project-id-format',
  *check({ spec }) {
    const serviceID = spec.service?.id;
    if (serviceID === undefined) return;
    for (const [env, , path] of environments(spec)) {
      const { id, projectID } = env;
      if (id === undefined || projectID === undefined) continue;
      const at = [...path, 'projectID'];
      const format = `expecting format "${serviceID}-${id}-<suffix>"`;
      if (!projectID.startsWith(`${serviceID}-`)) {
        yield {
          path: at,
          message: `projectID "${projectID}" must start with the service ID: ${format}`,
          hint: 'msp init-env generates a valid project ID',
        };
      } else if (!projectID.includes(`-${id}-`)) {
        yield {
          path: at,
          message: `projectID "${projectID}" must contain the environment ID: ${format}`,
        };
      }
      const { min, max } = NAME_LIMITS.projectID;
      if (projectID.length > max || projectID.length < min) {
        yield {
          path: at,
          message: `projectID "${projectID}" must be ${min} to ${max} characters long (it has ${projectID.length})`,
          hint: 'use a shorter suffix or environment ID',
        };
      }
    }
  },
};

export const locationNotAllowed: Rule = {
  code: 'location-not-allowed',
  *check({ spec, platform }) {
    for (const [env, , path] of environments(spec)) {
      const locations = env.locations;
      if (locations === undefined) continue;
      if (
        locations.gcpRegion !== undefined &&
        !platform.allowedRegions.includes(locations.gcpRegion)
      ) {
        yield {
          path: [...path, 'locations', 'gcpRegion'],
          message: `locations.gcpRegion "${locations.gcpRegion}" is not allowed; allowed: ${platform.allowedRegions.join(', ')}`,
          hint: 'the platform config (msp.config.yaml) lists allowedRegions',
        };
      }
      const location =
        locations.gcpLocation === undefined ? undefined : normalizeLocation(locations.gcpLocation);
      if (location !== undefined && !platform.allowedLocations.includes(location)) {
        yield {
          path: [...path, 'locations', 'gcpLocation'],
          message: `locations.gcpLocation "${locations.gcpLocation}" is not allowed; allowed: ${platform.allowedLocations.join(', ')}`,
          hint: 'BigQuery multi-regions are US and EU; the platform config lists allowedLocations',
        };
      }
    }
  },
};

export const duplicateDomain: Rule = {
  code: 'duplicate-domain',
  *check({ spec }) {
    const seen = new Map<string, string>();
    for (const [env, index, path] of environments(spec)) {
      const cloudflare = env.domain?.type === 'cloudflare' ? env.domain.cloudflare : undefined;
      if (cloudflare?.subdomain === undefined || cloudflare.zone === undefined) continue;
      const dns = `${cloudflare.subdomain}.${cloudflare.zone}`;
      const other = seen.get(dns);
      if (other !== undefined) {
        yield {
          path: [...path, 'domain', 'cloudflare', 'subdomain'],
          message: `domain "${dns}" is configured more than once across environments (also in "${other}")`,
        };
      } else {
        seen.set(dns, env.id ?? `environments[${index}]`);
      }
    }
  },
};

export const domainSettings: Rule = {
  code: 'domain-settings',
  *check({ spec, malformed }) {
    for (const [env, , path] of environments(spec)) {
      const domain = env.domain;
      const at = [...path, 'domain'];
      if (domain === undefined || malformed([...at, 'type']) || malformed([...at, 'cloudflare']))
        continue;
      const type = domain.type ?? 'none';
      if (type === 'cloudflare' && domain.cloudflare === undefined) {
        yield {
          path: [...path, 'domain', 'type'],
          message:
            'domain type "cloudflare" requires cloudflare.subdomain and cloudflare.zone to be set',
          hint: 'add domain.cloudflare: { subdomain, zone }',
        };
      } else if (
        type === 'cloudflare' &&
        domain.cloudflare?.cloudflareOnly === true &&
        domain.cloudflare.proxied === false
      ) {
        yield {
          path: [...path, 'domain', 'cloudflare', 'cloudflareOnly'],
          at: 'key',
          severity: 'warning',
          message:
            'domain.cloudflare.cloudflareOnly is ignored because the domain is not proxied: admitting only Cloudflare would shut every client out',
          hint: 'set proxied: true to put the domain behind Cloudflare, or remove cloudflareOnly',
        };
      } else if (type === 'none' && domain.cloudflare !== undefined) {
        yield {
          path: [...path, 'domain', 'cloudflare'],
          at: 'key',
          severity: 'warning',
          message: `domain.cloudflare is ignored because domain.type is "${type}"`,
          hint: 'set domain.type: cloudflare to use it, or remove it',
        };
      }
    }
  },
};
