import type { ServiceKind } from '@msp/spec';
import { CONTRACT_VARIABLES, type ContractVariableName } from '@msp/spec/contract';
import type { ContainerEnv } from '../../resources/cloud-run-template.js';

/**
 * A contract variable for a workload of `kind`. Refuses variables the
 * contract does not give to that kind, so the table stays the one truth.
 */
export function contractEnv(
  kind: ServiceKind,
  name: ContractVariableName,
  value: string,
): ContainerEnv {
  checkContract(kind, name);
  return { name, value };
}

/** A contract variable whose value comes from a Secret Manager secret version. */
export function contractSecretEnv(
  kind: ServiceKind,
  name: ContractVariableName,
  secret: string,
  version: string,
): ContainerEnv {
  checkContract(kind, name);
  return { name, secret, version };
}

function checkContract(kind: ServiceKind, name: ContractVariableName): void {
  const variable = CONTRACT_VARIABLES[name];
  if (variable.setBy !== 'msp') {
    throw new Error(`contract variable ${name} is set by ${variable.setBy}, not msp`);
  }
  if (variable.scope !== 'all' && variable.scope !== kind) {
    throw new Error(`contract variable ${name} is only for kind ${variable.scope}, not ${kind}`);
  }
}
