import type { Closer, HealthCheck, Lifecycle } from '../lifecycle.js';

/** The runtime's side of {@link Lifecycle}: what was registered, in order. */
export interface LifecycleRegistry extends Lifecycle {
  readonly healthChecks: readonly HealthCheck[];
  readonly closers: readonly Closer[];
}

export function createLifecycleRegistry(): LifecycleRegistry {
  const healthChecks: HealthCheck[] = [];
  const closers: Closer[] = [];
  return {
    healthChecks,
    closers,
    addHealthCheck(check) {
      healthChecks.push(check);
    },
    addCloser(closer) {
      closers.push(closer);
    },
  };
}
