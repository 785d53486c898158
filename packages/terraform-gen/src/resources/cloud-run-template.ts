/**
 * Parts shared by Cloud Run services and jobs: the container, its env,
 * secret volumes and VPC access, in the provider's block shapes.
 */

export type ContainerEnv =
  | { readonly name: string; readonly value: string }
  | { readonly name: string; readonly secret: string; readonly version: string };

export interface SecretVolume {
  readonly name: string;
  readonly secret: string;
  readonly version: string;
  /** File name inside the mount directory. */
  readonly path: string;
  /** File mode, e.g. 0o444. */
  readonly mode: number;
  /** Directory the volume is mounted at. */
  readonly mountPath: string;
}

export interface HTTPProbe {
  readonly path: string;
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  readonly initialDelaySeconds: number;
  readonly timeoutSeconds: number;
  readonly periodSeconds: number;
  readonly failureThreshold: number;
}

export interface ContainerConfig {
  readonly name: string;
  readonly image: string;
  readonly cpu: number;
  readonly memory: string;
  readonly port: number;
  /** `h2c` for end-to-end HTTP/2; absent for HTTP/1. */
  readonly portName?: string;
  readonly env: readonly ContainerEnv[];
  readonly volumes: readonly SecretVolume[];
}

/** Direct VPC egress for private ranges. */
export interface VPCAccess {
  readonly network: string;
  readonly subnetwork: string;
}

export function containerEnvBlocks(env: readonly ContainerEnv[]) {
  return [...env]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) =>
      'value' in e
        ? { name: e.name, value: e.value }
        : {
            name: e.name,
            value_source: [{ secret_key_ref: [{ secret: e.secret, version: e.version }] }],
          },
    );
}

export function containerBase(c: ContainerConfig) {
  return {
    name: c.name,
    image: c.image,
    resources: [{ limits: { cpu: String(c.cpu), memory: c.memory } }],
    ports: [{ container_port: c.port, ...(c.portName === undefined ? {} : { name: c.portName }) }],
    env: containerEnvBlocks(c.env),
    ...(c.volumes.length === 0
      ? {}
      : { volume_mounts: c.volumes.map((v) => ({ name: v.name, mount_path: v.mountPath })) }),
  };
}

export function secretVolumeBlocks(volumes: readonly SecretVolume[]) {
  return volumes.map((v) => ({
    name: v.name,
    secret: [{ secret: v.secret, items: [{ version: v.version, path: v.path, mode: v.mode }] }],
  }));
}

export function vpcAccessBlocks(vpc: VPCAccess | undefined) {
  return vpc === undefined
    ? {}
    : {
        vpc_access: [
          {
            network_interfaces: [{ network: vpc.network, subnetwork: vpc.subnetwork }],
            egress: 'PRIVATE_RANGES_ONLY',
          },
        ],
      };
}

export function httpProbeBlock(p: HTTPProbe) {
  return {
    initial_delay_seconds: p.initialDelaySeconds,
    timeout_seconds: p.timeoutSeconds,
    period_seconds: p.periodSeconds,
    failure_threshold: p.failureThreshold,
    http_get: [
      { path: p.path, http_headers: p.headers.map((h) => ({ name: h.name, value: h.value })) },
    ],
  };
}
