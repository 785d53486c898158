/**
 * Rules on derived names: every name of the names table that can break a
 * Google Cloud or Terraform Cloud limit, computed with the functions
 * resolveSpec uses and checked against `NAME_LIMITS`, each limit here once.
 * An issue points at the field the name is made from (the service ID, or the
 * environment ID); one issue per field and code, however many names break.
 */
import type { IssueCode } from '../issues/issue-codes.js';
import type { FieldPath } from '../issues/spec-issue.js';
import {
  cloudRunName,
  environmentNames,
  NAME_LIMITS,
  nameProblem,
  projectDisplayName,
  regionOf,
  serviceNames,
  type NameLimit,
} from '../resolve/names.js';
import type { Rule, RuleContext } from './rule.js';
import { environments, isJob, serviceName } from './rule.js';

interface DerivedName {
  readonly code: IssueCode;
  readonly limit: NameLimit;
  /** What the name names, e.g. "Cloud Run name". */
  readonly what: string;
  readonly name: string;
  readonly path: FieldPath;
  readonly hint: string;
}

const SERVICE_ID: FieldPath = ['service', 'id'];

/** Every derived name of the well-formed part of the spec, with its limit. */
function* derivedNames({ spec, platform, malformed }: RuleContext): Generator<DerivedName> {
  const serviceID = spec.service?.id;
  const kind = isJob(spec) ? 'job' : 'service';
  if (serviceID !== undefined) {
    const names = serviceNames({ id: serviceID, kind }, platform);
    const account = (name: string, suffix: string): DerivedName => ({
      code: 'service-account-id-invalid',
      limit: NAME_LIMITS.serviceAccountID,
      what: 'service account ID',
      name,
      path: SERVICE_ID,
      hint: `the account ID is the service ID followed by "${suffix}": use a service ID of at least ${Math.max(1, NAME_LIMITS.serviceAccountID.min - suffix.length)} characters that starts with a letter`,
    });
    yield account(names.workloadServiceAccountID, '-sa');
    if (names.jobInvokerServiceAccountID !== undefined)
      yield account(names.jobInvokerServiceAccountID, '-job-sa');
    const privateNetwork = (spec.environments ?? []).some(
      (env) => env?.resources?.redis !== undefined || env?.resources?.postgreSQL !== undefined,
    );
    if (names.terraformCloud !== undefined)
      yield {
        code: 'terraform-cloud-name-invalid',
        limit: NAME_LIMITS.terraformCloudTag,
        what: 'Terraform Cloud workspace tag',
        name: names.terraformCloud.serviceTag,
        path: SERVICE_ID,
        hint: 'the service\'s workspaces are tagged "<workspacePrefix>-service-<service ID>": use a service ID that ends with a letter or digit',
      };
    if (privateNetwork)
      for (const name of Object.values(names.privateNetwork))
        yield {
          code: 'network-name-invalid',
          limit: NAME_LIMITS.computeName,
          what: 'private network name',
          name,
          path: SERVICE_ID,
          hint: 'Redis and PostgreSQL need a private network named after the service ID: use a service ID that does not end with a hyphen',
        };
  }
  const stages = (spec.rollout?.stages ?? []).map((stage) => stage?.environment);
  const service = serviceName(spec);
  for (const [env, , path] of environments(spec)) {
    if (env.id === undefined) continue;
    const at = [...path, 'id'];
    if (service !== undefined)
      yield {
        code: 'project-display-name-too-long',
        limit: NAME_LIMITS.projectDisplayName,
        what: 'project display name',
        name: projectDisplayName(service, env.id),
        path: at,
        hint: 'use a shorter service.name or environment ID',
      };
    if (serviceID === undefined) continue;
    const locations = [...path, 'locations'];
    const regionKnown = !malformed(locations) && !malformed([...locations, 'gcpRegion']);
    const region = regionOf(env, platform);
    const runName = cloudRunName(serviceID, env.id, region);
    const stage = stages.indexOf(env.id);
    const names = environmentNames(
      serviceID,
      {
        id: env.id,
        projectID: env.projectID ?? '',
        region,
        cloudRunName: runName,
        domain: kind === 'service' && env.domain?.type === 'cloudflare',
        ...(stage < 0 ? {} : { rolloutStage: { isFinal: stage === stages.length - 1 } }),
      },
      platform,
    );
    if (regionKnown) {
      yield {
        code: 'cloud-run-name-too-long',
        limit: NAME_LIMITS.cloudRunName,
        what: 'Cloud Run name',
        name: runName,
        path: at,
        hint: 'use a shorter environment ID',
      };
      for (const name of Object.values(names.loadBalancer ?? {}))
        yield {
          code: 'load-balancer-name-too-long',
          limit: NAME_LIMITS.computeName,
          what: 'load balancer resource name',
          name,
          path: at,
          hint: 'the domain\'s load balancer resources are named after the Cloud Run name (up to "<Cloud Run name>-security-policy"): use a shorter environment ID',
        };
      const deploy = names.cloudDeploy;
      if (deploy !== undefined) {
        yield {
          code: 'cloud-deploy-name-invalid',
          limit: NAME_LIMITS.cloudDeployName,
          what: 'Cloud Deploy target name',
          name: deploy.target,
          path: at,
          hint: 'the rollout stage\'s target is "<environment ID>-<region>": use a shorter environment ID that starts with a letter',
        };
        if (deploy.pipeline !== undefined)
          yield {
            code: 'cloud-deploy-name-invalid',
            limit: NAME_LIMITS.cloudDeployName,
            what: 'Cloud Deploy pipeline name',
            name: deploy.pipeline,
            path: SERVICE_ID,
            hint: 'the pipeline is "<service ID>-<region>-rollout": use a service ID that starts with a letter',
          };
      }
    }
    const tfc = names.terraformCloud;
    if (tfc !== undefined) {
      const hint =
        'Terraform Cloud names are "<workspacePrefix>-<service ID>-<environment ID>" (workspaces add "-<stack>"): use a shorter environment ID or state.workspacePrefix';
      yield {
        code: 'terraform-cloud-name-invalid',
        limit: NAME_LIMITS.terraformCloudProject,
        what: 'Terraform Cloud project name',
        name: tfc.project,
        path: at,
        hint,
      };
      for (const name of Object.values(names.stateLocations))
        yield {
          code: 'terraform-cloud-name-invalid',
          limit: NAME_LIMITS.terraformCloudWorkspace,
          what: 'Terraform Cloud workspace name',
          name,
          path: at,
          hint,
        };
      yield {
        code: 'terraform-cloud-name-invalid',
        limit: NAME_LIMITS.terraformCloudTag,
        what: 'Terraform Cloud workspace tag',
        name: tfc.environmentTag,
        path: at,
        hint,
      };
    }
  }
}

/** The rule reporting the names of one code that break their limits. */
function nameRule(code: IssueCode): Rule {
  return {
    code,
    *check(context) {
      const reported = new Set<string>();
      for (const derived of derivedNames(context)) {
        const key = derived.path.join('.');
        if (derived.code !== code || reported.has(key)) continue;
        const problem = nameProblem(derived.name, derived.limit);
        if (problem === undefined) continue;
        reported.add(key);
        yield {
          path: derived.path,
          message: `${derived.what} "${derived.name}" ${problem}`,
          hint: derived.hint,
        };
      }
    },
  };
}

export const projectDisplayNameTooLong = nameRule('project-display-name-too-long');
export const cloudRunNameTooLong = nameRule('cloud-run-name-too-long');
export const serviceAccountIDInvalid = nameRule('service-account-id-invalid');
export const networkNameInvalid = nameRule('network-name-invalid');
export const loadBalancerNameTooLong = nameRule('load-balancer-name-too-long');
export const cloudDeployNameInvalid = nameRule('cloud-deploy-name-invalid');
export const terraformCloudNameInvalid = nameRule('terraform-cloud-name-invalid');
