import { MspError } from '@msp/spec/errors';
import { createColors, type Colors } from '../cli/colors.js';
import { generateService, type StackConformanceIssue } from '../libraries.js';
import type { PlatformConfig, ResolvedSpec } from '@msp/spec';
import type { GeneratedService } from '@msp/terraform-gen';

/**
 * One conformance issue as `<env>/<stack> <address>: <path>: <message>`, the
 * stack and Terraform address first so it can be found in the generated files.
 */
export function formatConformanceIssue(issue: StackConformanceIssue, colors: Colors): string {
  const path = issue.path === '' ? '' : `${colors.bold(issue.path)}: `;
  return `${issue.stack} ${issue.address}: ${path}${issue.message} ${colors.dim('[terraform-nonconformant]')}`;
}

const plain = createColors(false);

/**
 * Throws one `MspError` listing every resource of the stack set that does not
 * fit the pinned provider schemas: a generator bug, never written to disk.
 */
export function assertConformance({ set, conformance: issues }: GeneratedService): void {
  if (issues.length === 0) return;
  throw new MspError(
    'terraform-nonconformant',
    [
      `the generated Terraform of ${set.serviceID} does not match the pinned provider schemas (${issues.length} problem${issues.length === 1 ? '' : 's'}):`,
      ...issues.map((issue) => `  ${formatConformanceIssue(issue, plain)}`),
    ].join('\n'),
    { hint: 'This is a bug in msp: please report it with the spec that triggers it.' },
  );
}

/**
 * Every environment generated with the provider-schema check, for checks that
 * must not touch the network: `subscription` environments get a placeholder
 * digest instead of the registry's.
 */
export function generateOffline(
  resolved: ResolvedSpec,
  platform: PlatformConfig,
): Promise<GeneratedService> {
  const imageTags = Object.fromEntries(
    resolved.environments.flatMap((env) =>
      env.deploy.type === 'subscription'
        ? [[env.id, `${env.deploy.tag}@sha256:${'0'.repeat(64)}`]]
        : [],
    ),
  );
  return generateService(resolved, platform, { imageTags, conformance: true });
}
