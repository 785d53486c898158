import type { ContainerEnv, SecretVolume, VPCAccess } from '../../resources/cloud-run-template.js';
import type { StackOutput } from '../../stack.js';
import type { Fragment } from '../../terraform.js';

/**
 * One concern of the cloudrun stack (secrets, diagnostics, Redis, ...): its
 * own resources plus what it adds to the Cloud Run container.
 */
export interface CloudRunPart {
  readonly fragments: readonly Fragment[];
  readonly env: readonly ContainerEnv[];
  readonly volumes: readonly SecretVolume[];
  /** Addresses Cloud Run must wait for, so the first apply works in one pass. */
  readonly dependsOn: readonly string[];
  /** Extra CA directories appended to `SSL_CERT_DIR`. */
  readonly certDirs?: readonly string[];
  readonly vpcAccess?: VPCAccess;
  readonly outputs?: Readonly<Record<string, StackOutput>>;
  /** Files the part's resources upload from the stack's directory, by file name. */
  readonly files?: Readonly<Record<string, Uint8Array>>;
}

export function emptyPart(): CloudRunPart {
  return { fragments: [], env: [], volumes: [], dependsOn: [] };
}
