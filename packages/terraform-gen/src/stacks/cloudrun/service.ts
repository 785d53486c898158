import type { ResolvedServiceSettings } from '@msp/spec';
import { HEALTHZ_PATH } from '@msp/spec/contract';
import type { Expression } from '../../expression.js';
import { terraformIdentifier } from '../../names.js';
import { remoteOutput } from '../../remote-state.js';
import type { HTTPProbe } from '../../resources/cloud-run-template.js';
import { cloudRunService } from '../../resources/cloud-run-service.js';
import { cloudRunServiceIAMMember } from '../../resources/cloud-run-service-iam-member.js';
import { inputVariable } from '../../input-variable.js';
import type { StackContext } from '../../stack.js';
import type { Fragment } from '../../terraform.js';
import type { CloudRunPart } from './part.js';
import { executionEnvironment, workloadContainer } from './workload-container.js';

/** Matches the Cloudflare proxy's read timeout. */
export const SERVICE_REQUEST_TIMEOUT_SECONDS = 300;

/** The Cloud Run service and its invoker grants. */
export function serviceWorkload(
  ctx: StackContext,
  settings: ResolvedServiceSettings,
  image: string,
  part: CloudRunPart,
  diagnosticsSecret: Expression,
): { fragments: Fragment[]; name: Expression; location: Expression } {
  const { env } = ctx;
  const probes = settings.healthProbes;
  const probe = (periodSeconds: number): HTTPProbe | undefined =>
    probes.enabled
      ? {
          path: HEALTHZ_PATH,
          headers: [{ name: 'Authorization', value: `Bearer ${diagnosticsSecret}` }],
          initialDelaySeconds: 0,
          timeoutSeconds: probes.timeoutSeconds,
          periodSeconds,
          failureThreshold: 3,
        }
      : undefined;
  const startup = probes.enabled ? probe(probes.startupIntervalSeconds) : undefined;
  const liveness = probes.enabled ? probe(probes.livenessIntervalSeconds) : undefined;
  const scaling = env.instances.scaling;

  const service = cloudRunService('cloudrun', {
    name: env.cloudRunName,
    location: env.region,
    serviceAccount: remoteOutput(ctx, 'iam', 'cloud_run_service_account'),
    deletionProtection: !env.allowDestroys,
    timeoutSeconds: SERVICE_REQUEST_TIMEOUT_SECONDS,
    maxInstanceRequestConcurrency: env.instances.maxRequestConcurrency,
    ...(scaling === undefined
      ? {}
      : { scaling: { minInstanceCount: scaling.minCount, maxInstanceCount: scaling.maxCount } }),
    ...executionEnvironment(env.instances.cloudRunGeneration),
    container: workloadContainer(ctx, image, part),
    ...(startup === undefined ? {} : { startupProbe: startup }),
    ...(liveness === undefined ? {} : { livenessProbe: liveness }),
    ...(part.vpcAccess === undefined ? {} : { vpcAccess: part.vpcAccess }),
    dependsOn: part.dependsOn,
    imageManagedElsewhere: env.deploy.type === 'rollout',
  });

  const invokers = settings.invokers.map(
    (member) =>
      cloudRunServiceIAMMember(invokerID(member), {
        name: service.outputs.name,
        location: service.outputs.location,
        role: 'roles/run.invoker',
        member,
      }).fragment,
  );
  const domainInput = settings.invokerDomainFromInput === true ? authenticationDomainInput() : [];
  const fromInput = domainInput.map(
    (input) =>
      cloudRunServiceIAMMember(invokerID('domain:'), {
        name: service.outputs.name,
        location: service.outputs.location,
        role: 'roles/run.invoker',
        member: `domain:${input.value}`,
      }).fragment,
  );
  return {
    fragments: [service.fragment, ...invokers, ...domainInput.map((i) => i.fragment), ...fromInput],
    ...service.outputs,
  };
}

/** Name of the input variable holding the organisation domain when the platform config has none. */
export const AUTHENTICATION_DOMAIN_VARIABLE = 'authentication_domain';

function authenticationDomainInput() {
  return [
    inputVariable(AUTHENTICATION_DOMAIN_VARIABLE, {
      description:
        'Domain whose users may invoke the service, e.g. "example.com" (authenticationDomain is not set in msp.config.yaml).',
      format: {
        pattern: '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?\\.[a-z]{2,}$',
        message: 'must be a domain such as "example.com"',
      },
    }),
  ];
}

/** `cloudrun_allusers_runinvoker`, `cloudrun_domain_runinvoker`, else from the member. */
function invokerID(member: string): string {
  if (member === 'allUsers') return 'cloudrun_allusers_runinvoker';
  if (member.startsWith('domain:')) return 'cloudrun_domain_runinvoker';
  return `cloudrun_${terraformIdentifier(member)}_runinvoker`;
}
