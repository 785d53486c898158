import type { ResolvedEnvironment } from '@msp/spec';
import { PROVIDER_SCHEMAS, type ProviderName } from './generated/index.js';
import type { Fragment, TerraformSettings } from './terraform.js';

/**
 * Version constraint for a pinned provider version: `~> 7.9` for 7.9.0 (any
 * 7.x from 7.9), `~> 0.14.5` for a 0.x provider (patch releases only).
 */
export function versionConstraint(version: string): string {
  const [major = '0', minor = '0', patch = '0'] = version.split('.');
  return major === '0' ? `~> ${major}.${minor}.${patch}` : `~> ${major}.${minor}`;
}

function isProviderName(name: string): name is ProviderName {
  return Object.hasOwn(PROVIDER_SCHEMAS, name);
}

/** The provider a resource or data source type belongs to: its name up to the first `_`. */
export function providerOf(type: string): ProviderName {
  const name = type.slice(0, type.indexOf('_'));
  if (!isProviderName(name)) throw new Error(`no pinned provider schema for type "${type}"`);
  return name;
}

/** `required_providers` for every provider whose types or configuration the fragments of a document use. */
export function requiredProviders(
  fragments: readonly Fragment[],
): TerraformSettings['required_providers'] {
  const names = new Set<ProviderName>();
  for (const fragment of fragments) {
    for (const type of Object.keys(fragment.resource ?? {})) names.add(providerOf(type));
    for (const type of Object.keys(fragment.data ?? {}))
      if (type !== 'terraform_remote_state') names.add(providerOf(type));
    for (const type of Object.keys(fragment.ephemeral ?? {})) names.add(providerOf(type));
    for (const name of Object.keys(fragment.provider ?? {}))
      if (isProviderName(name)) names.add(name);
  }
  const out: Record<string, { source: string; version: string }> = {};
  for (const name of [...names].sort()) {
    const schema = PROVIDER_SCHEMAS[name];
    out[name] = { source: schema.source, version: versionConstraint(schema.version) };
  }
  return out;
}

/** The default `google` provider of an environment's project and region. */
export function googleProvider(env: Pick<ResolvedEnvironment, 'projectID' | 'region'>): Fragment {
  return { provider: { google: [{ project: env.projectID, region: env.region }] } };
}

/** A `google` provider with no default project, for creating the project itself. */
export function googleProviderWithoutProject(): Fragment {
  return { provider: { google: [{}] } };
}
