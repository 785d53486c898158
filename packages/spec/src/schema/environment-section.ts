import { bool, deprecated, dict, list, obj, oneOf, str } from './builders.js';
import { deploySection, locationsSection } from './deploy-section.js';
import { instancesSection } from './instances-section.js';
import { resourcesSection } from './resources-section.js';
import { jobFields, serviceFields } from './service-fields.js';

const secretName = (description: string) =>
  str(
    `${description} A secret ID in the environment project, or "projects/<project>/secrets/<id>" for another project (access is granted automatically). Always version latest.`,
    {
      minLength: 1,
    },
  );

const legacyPrivateNetworking = deprecated(
  obj(
    'LegacyPrivateNetworkingSpec',
    'Experimental VPC Service Controls settings of an older version; ignored.',
    {
      privateGoogleAccess: obj('LegacyPrivateGoogleAccessSpec', 'Private Google Access.', {
        cloudRunApps: bool('Route *.run.app privately.'),
      }),
      privateAccessPerimeter: obj('LegacyPrivateAccessPerimeterSpec', 'A VPC-SC perimeter.', {
        allowlistedProjects: list('Projects allowed through.', str('A project.')),
        allowlistedIdentities: list(
          'Identities allowed through.',
          str('serviceAccount:… or user:…'),
        ),
      }),
    },
  ),
  'nothing (remove it; msp does not provision VPC Service Controls)',
);

export const environmentSection = obj(
  'EnvironmentSpec',
  'One deployment of the service, in its own GCP project.',
  {
    id: str('Environment ID: lowercase letters, digits and hyphens, e.g. "dev" or "prod".', {
      minLength: 1,
      pattern: '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$',
      'x-patternMessage':
        'id can only contain lowercase alphanumeric characters and hyphens, and must not start or end with a hyphen',
    }),
    projectID: str(
      'GCP project ID "<service id>-<environment id>-<suffix>", at most 30 characters. Cannot be changed after creation.',
      {
        minLength: 1,
        pattern: '^[a-z][a-z0-9-]*[a-z0-9]$',
        'x-patternMessage':
          'projectID must start with a lowercase letter, end with a letter or digit and contain only lowercase letters, digits and hyphens',
      },
    ),
    category: oneOf('test, or a production category: internal or external.', [
      'test',
      'internal',
      'external',
    ]),
    deploy: deploySection,
    locations: locationsSection,
    instances: instancesSection,
    env: dict(
      'Plain environment variables. Values may use {{ .ProjectID }} and {{ .ServiceDnsName }}.',
      str('A value; numbers and booleans are taken as written.'),
      {
        propertyNames: {
          pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
          'x-patternMessage':
            'environment variable names contain only letters, digits and underscores',
        },
      },
    ),
    secretEnv: dict(
      'Environment variables from Secret Manager: variable name → secret.',
      secretName('The secret.'),
      {
        propertyNames: {
          pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
          'x-patternMessage':
            'environment variable names contain only letters, digits and underscores',
        },
      },
    ),
    secretVolumes: dict(
      'Files from Secret Manager, mounted read-only: volume name → mount.',
      obj(
        'SecretVolumeSpec',
        'A secret mounted as a file.',
        {
          mountPath: str('Absolute path of the file, e.g. "/etc/secrets/key.json".', {
            minLength: 1,
          }),
          secret: secretName('The secret.'),
        },
        { required: ['mountPath', 'secret'] },
      ),
      {
        propertyNames: {
          minLength: 1,
          pattern: '^[a-zA-Z0-9_-]+$',
          'x-patternMessage': 'volume names contain only letters, digits, "_" and "-"',
        },
      },
    ),
    resources: resourcesSection,
    alerting: obj('AlertingSpec', 'Alert routing.', {
      opsgenie: bool(
        'Send critical alerts to Opsgenie; defaults to true for production categories.',
      ),
    }),
    allowDestroys: bool('Allow Terraform to destroy the project, databases and service account.', {
      default: false,
    }),
    privateNetworking: legacyPrivateNetworking,
    ...serviceFields,
    ...jobFields,
  },
  { required: ['id', 'projectID', 'category', 'deploy', 'instances'] },
);
