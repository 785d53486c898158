import { SPEC_DEFAULTS } from './defaults.js';
import { int, list, num, obj, oneOf, str } from './builders.js';
import { legacyNobl9 } from './service-section.js';

const durationMinutes = int('Minutes the condition must hold before alerting, at most 1440.', {
  minimum: 0,
  maximum: 1440,
  default: SPEC_DEFAULTS.alertDurationMinutes,
});

const responseCodeRatio = obj(
  'ResponseCodeRatioSpec',
  'Alert when the share of responses with a code (or code class) exceeds a ratio. Services only.',
  {
    id: str('Unique alert ID.', {
      minLength: 1,
      pattern: '^[A-Za-z0-9_-]+$',
      'x-patternMessage': 'must contain only letters, digits, "_" and "-"',
    }),
    name: str('Alert name.', { minLength: 1 }),
    description: str('What the alert means.'),
    code: int('An HTTP status code; exactly one of code and codeClass.', {
      minimum: 100,
      maximum: 599,
    }),
    codeClass: str('A status class such as "5xx"; exactly one of code and codeClass.', {
      pattern: '^[1-5]xx$',
      'x-patternMessage': 'codeClass must match the format Nxx',
    }),
    excludeCodes: list(
      'Codes left out of the ratio.',
      str('A status code.', {
        pattern: '^[1-5][0-9][0-9]$',
        'x-patternMessage': 'must be a status code such as "404"',
      }),
    ),
    durationMinutes,
    ratio: num('Threshold ratio, from 0 to 1.', { minimum: 0, maximum: 1 }),
  },
  { required: ['id', 'name', 'ratio'] },
);

const customAlert = obj(
  'CustomAlertSpec',
  'An alert on an MQL or PromQL query.',
  {
    name: str('Alert name: letters, digits, spaces and hyphens; unique after lower-casing.', {
      minLength: 1,
      pattern: '^[-A-Za-z0-9 ]+$',
      'x-patternMessage': 'name can only contain letters, digits, spaces and hyphens',
    }),
    description: str('What the alert means.'),
    severityLevel: oneOf('CRITICAL alerts go to Opsgenie in production; WARNING alerts do not.', [
      'WARNING',
      'CRITICAL',
    ]),
    condition: obj(
      'CustomAlertConditionSpec',
      'When the alert fires.',
      {
        type: oneOf('Query language.', ['mql', 'promql']),
        query: str('The query.', { minLength: 1 }),
        durationMinutes,
      },
      { required: ['type', 'query'] },
    ),
  },
  { required: ['name', 'severityLevel', 'condition'] },
);

export const monitoringSection = obj('MonitoringSpec', 'Alerts beyond the built-in ones.', {
  nobl9: legacyNobl9,
  alerts: obj('AlertsSpec', 'Custom alert policies.', {
    responseCodeRatios: list('Response code ratio alerts.', responseCodeRatio),
    customAlerts: list('Query-based alerts.', customAlert),
  }),
});

export const rolloutSection = obj(
  'RolloutSpec',
  "A Cloud Deploy pipeline that promotes releases through environments, generated in the last stage's environment.",
  {
    stages: list(
      'Environments in promotion order; each must have deploy.type rollout.',
      obj(
        'RolloutStageSpec',
        'A stage.',
        {
          environment: str('Environment ID.', { minLength: 1 }),
        },
        { required: ['environment'] },
      ),
    ),
    suspended: {
      type: 'boolean',
      description: 'Suspend the pipeline: block releases and rollbacks.',
      default: false,
    },
    serviceAccount: str('Extra service account email allowed to create releases (e.g. CI).', {
      pattern: '^[^@\\s]+@[^@\\s]+\\.iam\\.gserviceaccount\\.com$',
      'x-patternMessage': 'must be a service account email ending in ".iam.gserviceaccount.com"',
    }),
    initialImageTag: str('Image tag of the first revision, before Cloud Deploy takes over.', {
      minLength: 1,
      default: SPEC_DEFAULTS.initialImageTag,
    }),
  },
  { required: ['stages'] },
);
