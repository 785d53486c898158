import { SPEC_DEFAULTS } from './defaults.js';
import { int, obj, str } from './builders.js';

export const instancesSection = obj(
  'InstancesSpec',
  'Size and count of the Cloud Run instances.',
  {
    resources: obj(
      'InstanceResourcesSpec',
      'CPU and memory of one instance.',
      {
        cpu: int('Number of vCPUs, 1 to 8.', {
          minimum: 1,
          maximum: 8,
          'x-hint':
            'more than 8 CPUs is not supported: decrease scaling.maxRequestConcurrency and increase scaling.maxCount instead',
        }),
        memory: str(
          'Memory as a Kubernetes-style quantity with a binary unit, from 512Mi to 32Gi, e.g. "512Mi" or "2Gi". More memory needs more CPU: >4Gi needs 2, >8Gi 4, >16Gi 6, >24Gi 8; and cpu > 4 needs 2Gi, cpu > 6 needs 4Gi.',
          {
            pattern: '^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti)?$',
            'x-patternMessage':
              'resources.memory is invalid: use a quantity such as "512Mi" or "2Gi"',
          },
        ),
        // Not an enum: the anchor did not check the value, so
        // the cloud-run-generation rule warns about it instead of refusing.
        cloudRunGeneration: int(
          'Cloud Run execution environment generation (1 or 2; another number is generation 2, with a warning); Cloud Run chooses when unset.',
        ),
      },
      { required: ['cpu', 'memory'] },
    ),
    scaling: obj('ScalingSpec', 'Instance counts; services only.', {
      minCount: int('Instances kept warm.', {
        minimum: 0,
        maximum: 1000,
        default: SPEC_DEFAULTS.minCount,
      }),
      maxCount: int('Most instances; at 5 or more an instance-count alert is created.', {
        minimum: 1,
        maximum: 1000,
        default: SPEC_DEFAULTS.maxCount,
      }),
      maxRequestConcurrency: int('Concurrent requests per instance.', {
        minimum: 1,
        maximum: 1000,
        default: SPEC_DEFAULTS.maxRequestConcurrency,
      }),
    }),
  },
  { required: ['resources'] },
);
