/** Cloud Run CPU, memory and scaling limits. */
import { SPEC_DEFAULTS } from '../schema/defaults.js';
import { GIB, MIB, parseMemory } from '../units/memory.js';
import type { Finding, Rule } from './rule.js';
import { environments } from './rule.js';

/** Memory above the limit needs at least this many CPUs. */
const CPU_FOR_MEMORY: readonly [number, number][] = [
  [24, 8],
  [16, 6],
  [8, 4],
  [4, 2],
];

/** More CPUs than the limit need at least this much memory (GiB). */
const MEMORY_FOR_CPU: readonly [number, number][] = [
  [6, 4],
  [4, 2],
];

export const instanceResources: Rule = {
  code: 'instance-resources',
  *check({ spec }) {
    for (const [env, , path] of environments(spec)) {
      const resources = env.instances?.resources;
      if (resources?.memory === undefined) continue;
      yield* checkResources(resources.cpu, resources.memory, [...path, 'instances', 'resources']);
    }
  },
};

export const cloudRunGeneration: Rule = {
  code: 'cloud-run-generation',
  *check({ spec }) {
    for (const [env, , path] of environments(spec)) {
      const generation = env.instances?.resources?.cloudRunGeneration;
      if (generation === undefined || generation === 1 || generation === 2) continue;
      yield {
        path: [...path, 'instances', 'resources', 'cloudRunGeneration'],
        severity: 'warning',
        message: `cloudRunGeneration ${generation} is neither 1 nor 2; generation 2 is used`,
        hint: 'set 1 or 2',
      };
    }
  },
};

/** `cpu` is undefined when it is malformed: only the memory is checked then. */
function* checkResources(
  cpu: number | undefined,
  memory: string,
  path: readonly (string | number)[],
): Generator<Finding> {
  const bytes = parseMemory(memory);
  const at = [...path, 'memory'];
  if (bytes === undefined) {
    yield {
      path: at,
      message: 'resources.memory is invalid',
      hint: 'use a quantity such as "512Mi" or "2Gi"',
    };
    return;
  }
  if (bytes < 512 * MIB) {
    yield { path: at, message: `resources.memory ${memory} is below the minimum of 512Mi` };
    return;
  }
  if (bytes > 32 * GIB) {
    yield {
      path: at,
      message: `resources.memory ${memory} is above the maximum of 32Gi`,
      hint: 'decrease scaling.maxRequestConcurrency and increase scaling.maxCount instead',
    };
    return;
  }
  if (cpu === undefined) return;
  const needCPU = CPU_FOR_MEMORY.find(([gib]) => bytes > gib * GIB);
  if (needCPU !== undefined && cpu < needCPU[1]) {
    yield {
      path: [...path, 'cpu'],
      message: `resources.memory > ${needCPU[0]}Gi requires resources.cpu >= ${needCPU[1]}`,
    };
  }
  const needMemory = MEMORY_FOR_CPU.find(([cpus]) => cpu > cpus);
  if (needMemory !== undefined && bytes < needMemory[1] * GIB) {
    yield {
      path: at,
      message: `resources.cpu > ${needMemory[0]} requires resources.memory >= ${needMemory[1]}Gi`,
    };
  }
}

export const scalingRange: Rule = {
  code: 'scaling-range',
  *check({ spec, malformed }) {
    for (const [env, , path] of environments(spec)) {
      const scaling = env.instances?.scaling;
      if (
        scaling?.minCount !== undefined &&
        scaling.maxCount !== undefined &&
        scaling.minCount > scaling.maxCount
      ) {
        yield {
          path: [...path, 'instances', 'scaling', 'minCount'],
          message: `scaling.minCount (${scaling.minCount}) must not be greater than scaling.maxCount (${scaling.maxCount})`,
        };
      } else if (
        scaling?.minCount !== undefined &&
        scaling.maxCount === undefined &&
        !malformed([...path, 'instances', 'scaling', 'maxCount']) &&
        scaling.minCount > 5
      ) {
        yield {
          path: [...path, 'instances', 'scaling', 'minCount'],
          message: `scaling.minCount (${scaling.minCount}) must not be greater than the default scaling.maxCount (5)`,
          hint: 'set scaling.maxCount',
        };
      }
    }
  },
};

export const healthProbes: Rule = {
  code: 'health-probes',
  *check({ spec, malformed }) {
    for (const [env, , path] of environments(spec)) {
      const probes = env.healthProbes;
      if (probes === undefined) continue;
      const at = [...path, 'healthProbes'];
      const enabled = probes.healthzProbes ?? true;
      if (!enabled) {
        if (
          probes.timeout !== undefined ||
          probes.startupInterval !== undefined ||
          probes.livenessInterval !== undefined
        ) {
          yield {
            path: [...at, 'healthzProbes'],
            message:
              'timeout, startupInterval and livenessInterval can only be configured when healthzProbes is enabled',
            hint: 'remove them or set healthzProbes: true',
          };
        }
        continue;
      }
      if (malformed([...at, 'timeout'])) continue;
      const timeout = probes.timeout ?? SPEC_DEFAULTS.healthProbeTimeoutSeconds;
      if (probes.startupInterval !== undefined && probes.startupInterval < timeout) {
        yield {
          path: [...at, 'startupInterval'],
          message: `startupInterval (${probes.startupInterval}) must be greater than or equal to timeout (${timeout})`,
        };
      }
      if (probes.livenessInterval !== undefined && probes.livenessInterval < timeout) {
        yield {
          path: [...at, 'livenessInterval'],
          message: `livenessInterval (${probes.livenessInterval}) must be greater than or equal to timeout (${timeout})`,
        };
      }
    }
  },
};
