import { BILLING_ACCOUNT_PATTERN, type PlatformConfig } from '@msp/spec';
import type { Expression } from '../expression.js';
import { inputVariable } from '../input-variable.js';
import { apiIdentifier, labelText } from '../names.js';
import { googleProviderWithoutProject } from '../providers.js';
import { project } from '../resources/project.js';
import { projectService } from '../resources/project-service.js';
import type { Stack, StackContext } from '../stack.js';
import type { Fragment } from '../terraform.js';

/** APIs every msp project enables, as in the anchor; `service.iam.services` adds more. */
export const DEFAULT_APIS: readonly string[] = [
  'accesscontextmanager',
  'bigquery',
  'bigqueryconnection',
  'cloudbuild',
  'clouddeploy',
  'cloudprofiler',
  'cloudscheduler',
  'compute',
  'containerregistry',
  'iam',
  'logging',
  'monitoring',
  'networkmanagement',
  'pubsub',
  'redis',
  'run',
  'secretmanager',
  'servicenetworking',
  'sqladmin',
  'storage-api',
  'storage-component',
  'vpcaccess',
].map((api) => `${api}.googleapis.com`);

/** Stack `project`: the project in its category's folder (else the organisation), with billing, labels and every API. */
export function projectStack({ spec, env, platform }: StackContext): Stack {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(platform.projectLabels))
    labels[labelText(key)] = labelText(value);
  Object.assign(labels, {
    service: labelText(spec.service.id),
    environment: labelText(env.id),
    category: labelText(env.category),
    msp: 'true',
  });
  // Production projects are collected by the organisation's security audit-log sink.
  if (env.isProduction) labels['collect-security-audit-logs'] = 'true';

  const folderID = platform.folders[env.category];
  const parent =
    folderID !== undefined
      ? { folderID }
      : platform.organizationID !== undefined
        ? { orgID: platform.organizationID }
        : undefined;
  const billing = billingAccount(platform);
  const proj = project('project', {
    projectID: env.projectID,
    displayName: env.projectDisplayName,
    billingAccount: billing.value,
    ...(parent === undefined ? {} : { parent }),
    labels,
    preventDestroy: !env.allowDestroys,
  });

  const apis = [...new Set([...DEFAULT_APIS, ...spec.service.iam.services])].sort();
  const services = apis.map(
    (api) =>
      projectService(apiIdentifier(api), { project: proj.outputs.projectID, service: api })
        .fragment,
  );

  return {
    name: 'project',
    fragments: [googleProviderWithoutProject(), ...billing.fragments, proj.fragment, ...services],
    outputs: {
      project_id: { value: proj.outputs.projectID, description: 'The GCP project ID.' },
      project_number: { value: proj.outputs.number, description: 'The GCP project number.' },
    },
  };
}

/** Name of the input variable holding the billing account when the platform config has none. */
export const BILLING_ACCOUNT_VARIABLE = 'billing_account';

/** The platform's billing account, or an input variable the operator supplies when it has none. */
function billingAccount(platform: PlatformConfig): {
  value: string | Expression;
  fragments: Fragment[];
} {
  if (platform.billingAccount !== undefined)
    return { value: platform.billingAccount, fragments: [] };
  const input = inputVariable(BILLING_ACCOUNT_VARIABLE, {
    description:
      'Billing account of the project, "XXXXXX-XXXXXX-XXXXXX" (billingAccount is not set in msp.config.yaml).',
    format: {
      pattern: BILLING_ACCOUNT_PATTERN,
      message: 'must look like "0X0X0X-0X0X0X-0X0X0X" (uppercase hex)',
    },
  });
  return { value: input.value, fragments: [input.fragment] };
}
