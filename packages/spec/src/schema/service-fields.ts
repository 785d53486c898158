/** Environment fields that apply only to `kind: service`. */
import { SPEC_DEFAULTS } from './defaults.js';
import { bool, deprecated, int, obj, oneOf, str } from './builders.js';

const seconds = (description: string, extra = {}) => int(description, { minimum: 1, ...extra });

const domain = obj('DomainSpec', 'Public domain of the service, through a Google load balancer.', {
  type: oneOf(
    'none: no public domain; cloudflare: a Cloudflare DNS record in front of the load balancer.',
    ['none', 'cloudflare'],
    {
      default: 'none',
    },
  ),
  cloudflare: obj(
    'CloudflareDomainSpec',
    'Required when type is cloudflare.',
    {
      subdomain: str('Record name inside the zone.', {
        minLength: 1,
        pattern: '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$',
        'x-patternMessage': 'must be a DNS label such as "my-service" or "api.my-service"',
      }),
      zone: str('Cloudflare zone, e.g. "example.com".', {
        minLength: 1,
        pattern: '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?\\.[a-z]{2,}$',
        'x-patternMessage': 'must be a DNS zone such as "example.com"',
      }),
      proxied: bool(
        'Proxy traffic through Cloudflare (WAF); also selects the origin certificate.',
        {
          default: SPEC_DEFAULTS.cloudflareProxied,
        },
      ),
      cloudflareOnly: bool(
        "Admit only Cloudflare's edge at the load balancer (a Cloud Armor policy that denies every other source), in every category; only with proxied. Defaults to proxied.",
      ),
      required: deprecated(bool('Never implemented; has no effect.'), 'nothing (remove it)'),
    },
    { required: ['subdomain', 'zone'] },
  ),
  networking: obj('DomainNetworkingSpec', 'Load balancer settings.', {
    loadBalancerLogging: bool('Log every request at the load balancer backend (sample rate 1.0).', {
      default: false,
    }),
  }),
});

const healthProbes = obj(
  'HealthProbesSpec',
  "Startup and liveness probes on /-/healthz. Without this block probes are off and Cloud Run's default startup check applies (up to 240 s on the port).",
  {
    healthzProbes: bool(
      'Use the msp /-/healthz probes; defaults to true when the block is present.',
      { default: true },
    ),
    timeout: seconds('Probe timeout in seconds.', {
      maximum: 240,
      default: SPEC_DEFAULTS.healthProbeTimeoutSeconds,
    }),
    startupInterval: seconds(
      'Seconds between startup probes; at least timeout. Defaults to timeout.',
      { maximum: 240 },
    ),
    livenessInterval: seconds(
      'Seconds between liveness probes; at least timeout and at most 3600. Defaults to 10 × timeout.',
      {
        maximum: 3600,
      },
    ),
  },
);

const legacyStartupProbe = deprecated(
  obj('LegacyStartupProbeSpec', 'Older startup probe settings.', {
    disabled: bool('Turn probes off.'),
    timeout: seconds('Probe timeout in seconds.', { default: SPEC_DEFAULTS.legacyProbeSeconds }),
    interval: seconds('Seconds between probes.', { default: SPEC_DEFAULTS.legacyProbeSeconds }),
  }),
  'healthProbes',
);

const legacyLivenessProbe = deprecated(
  obj('LegacyLivenessProbeSpec', 'Older liveness probe settings.', {
    timeout: seconds('Probe timeout in seconds.', { default: SPEC_DEFAULTS.legacyProbeSeconds }),
    interval: seconds('Seconds between probes.', { default: SPEC_DEFAULTS.legacyProbeSeconds }),
  }),
  'healthProbes',
);

const authentication = obj(
  'AuthenticationSpec',
  'Who may invoke the service. Absent: public (allUsers). Present: only the members it lists; `{}` grants nobody (write your own IAM).',
  {
    organizationDomain: bool("Grant run.invoker to the platform config's authenticationDomain."),
    sourcegraph: deprecated(
      bool('Grant run.invoker to the organisation domain.'),
      'authentication.organizationDomain',
    ),
  },
);

export const serviceFields = {
  domain,
  healthProbes,
  authentication,
  startupProbe: legacyStartupProbe,
  livenessProbe: legacyLivenessProbe,
};

export const SERVICE_ONLY_FIELDS = Object.keys(serviceFields);

export const jobFields = {
  schedule: obj(
    'ScheduleSpec',
    'Run the job on a schedule (Cloud Scheduler, time zone Etc/UTC).',
    {
      cron: str(
        'Five-field unix cron expression, e.g. "0 * * * *". The longest gap between runs must be at least 15 minutes and at most 8 days.',
        { minLength: 1 },
      ),
      deadline: deprecated(seconds('Execution deadline in seconds.'), 'deadlineSeconds'),
    },
    { required: ['cron'] },
  ),
  deadlineSeconds: seconds(
    'Timeout of one execution, also the scheduler attempt deadline (at most 1800 s when scheduled).',
    {
      maximum: 604800,
      default: SPEC_DEFAULTS.deadlineSeconds,
    },
  ),
};

export const JOB_ONLY_FIELDS = Object.keys(jobFields);
