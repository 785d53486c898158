import { SERVICE_PORT } from '@msp/spec/contract';
import type { ContainerConfig } from '../../resources/cloud-run-template.js';
import type { StackContext } from '../../stack.js';
import { SYSTEM_CERTS_DIR } from './base-env.js';
import { contractEnv } from './contract-env.js';
import type { CloudRunPart } from './part.js';

/** The one container of the service or job, from the combined parts. */
export function workloadContainer(
  ctx: StackContext,
  image: string,
  part: CloudRunPart,
): ContainerConfig {
  const { spec, env } = ctx;
  const certDirs = [SYSTEM_CERTS_DIR, ...(part.certDirs ?? [])].join(':');
  return {
    name: spec.service.id,
    image,
    cpu: env.instances.cpu,
    memory: env.instances.memory,
    port: SERVICE_PORT,
    ...(spec.service.protocol === undefined ? {} : { portName: spec.service.protocol }),
    env: [...part.env, contractEnv(spec.service.kind, 'SSL_CERT_DIR', certDirs)],
    volumes: part.volumes,
  };
}

export function executionEnvironment(generation: 1 | 2 | undefined) {
  if (generation === undefined) return {};
  return {
    executionEnvironment:
      generation === 1
        ? ('EXECUTION_ENVIRONMENT_GEN1' as const)
        : ('EXECUTION_ENVIRONMENT_GEN2' as const),
  };
}
