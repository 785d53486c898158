import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorizeDiagnostics } from '../diagnostics/authorize.js';
import type { IntegrationClients } from '../integrations/integrations.js';
import type { ContractValues } from './contract-values.js';

/** What the platform tells every workload, services and jobs alike. */
export interface BaseContract {
  /** True in an environment provisioned by msp (`MSP`). */
  readonly msp: boolean;
  /** `ENVIRONMENT_ID`; `unknown` locally. */
  readonly environmentId: string;
  /** `GOOGLE_CLOUD_PROJECT`. */
  readonly googleCloudProject: string | undefined;
  /** Every contract variable, parsed, by name. */
  readonly variables: ContractValues;
}

export interface ServiceContract extends BaseContract, IntegrationClients {
  /** `PORT`: the port the service listens on, on all interfaces (0 in tests: any free port). */
  readonly port: number;
  /** `EXTERNAL_DNS_NAME`, when a domain is configured. */
  readonly externalDnsName: string | undefined;
  /**
   * Guards a custom debug endpoint the way `/-/healthz` is guarded: returns
   * true when the request carries the diagnostics secret (or none is
   * configured); otherwise answers 400/401 itself and returns false.
   */
  authorizeDiagnostics(req: IncomingMessage, res: ServerResponse): boolean;
}

export interface JobContract extends BaseContract, IntegrationClients {
  /** `JOB_EXECUTION_CRON_SCHEDULE`, for scheduled jobs. */
  readonly cronSchedule: string | undefined;
  /** `JOB_EXECUTION_DEADLINE` in milliseconds. */
  readonly deadlineMs: number | undefined;
}

function baseContract(values: ContractValues): BaseContract {
  return {
    msp: values.MSP,
    environmentId: values.ENVIRONMENT_ID,
    googleCloudProject: values.GOOGLE_CLOUD_PROJECT,
    variables: values,
  };
}

export function serviceContract(
  values: ContractValues,
  port: number,
  clients: IntegrationClients,
): ServiceContract {
  return Object.freeze({
    ...clients,
    ...baseContract(values),
    port,
    externalDnsName: values.EXTERNAL_DNS_NAME,
    authorizeDiagnostics(req: IncomingMessage, res: ServerResponse): boolean {
      const auth = authorizeDiagnostics(req.headers.authorization, values.DIAGNOSTICS_SECRET);
      if (auth.ok) return true;
      res.writeHead(auth.status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${auth.message}\n`);
      return false;
    },
  });
}

export function jobContract(values: ContractValues, clients: IntegrationClients): JobContract {
  return Object.freeze({
    ...clients,
    ...baseContract(values),
    cronSchedule: values.JOB_EXECUTION_CRON_SCHEDULE,
    deadlineMs: values.JOB_EXECUTION_DEADLINE,
  });
}
