import { SPEC_DEFAULTS } from './defaults.js';
import { bool, deprecated, list, obj, oneOf, str } from './builders.js';

export const serviceSection = obj(
  'ServiceInfoSpec',
  'Who the service is and who owns it.',
  {
    id: str(
      'Unique service ID: lowercase letters, digits and hyphens, at most 20 characters. Prefix of every project ID.',
      {
        minLength: 1,
        maxLength: 20,
        pattern: '^[a-z0-9-]+$',
        'x-patternMessage': 'id can only contain lowercase alphanumeric characters and hyphens',
        examples: ['msp-example'],
      },
    ),
    name: str(
      'Human-readable name, used in display names and the README header. Defaults to the ID.',
      {
        minLength: 1,
      },
    ),
    owners: list(
      'Teams that own the service (Opsgenie team names); at least one. Critical alerts page these teams.',
      str('An owning team.', { minLength: 1 }),
      { minItems: 1 },
    ),
    description: str(
      'What the service does; used for the Opsgenie service. Not published in generated docs.',
      {
        minLength: 1,
      },
    ),
    notionPageID: str(
      'ID of the operational handbook page (not a URL). Required when any environment is in a production category (internal or external).',
      { minLength: 1 },
    ),
    kind: oneOf('A long-running HTTP service or a (scheduled) job.', ['service', 'job'], {
      default: SPEC_DEFAULTS.kind,
    }),
    protocol: oneOf('Set to h2c for gRPC or HTTP/2 end to end; absent means HTTP/1.', ['h2c']),
    iam: obj('ServiceIAMSpec', 'Extra IAM for the workload.', {
      services: list(
        'Extra Google APIs to enable in every environment project, e.g. "bigquerydatatransfer" or "bigquerydatatransfer.googleapis.com".',
        str('An API name.', {
          minLength: 1,
          pattern: '^[a-z0-9.-]+$',
          'x-patternMessage': 'must be an API name such as "pubsub.googleapis.com"',
        }),
      ),
      roles: list(
        'Extra roles for the workload service account: predefined ("roles/<name>") or custom ("projects/<p>/roles/<name>").',
        str('An IAM role.', { minLength: 1 }),
      ),
      permissions: list(
        'Permissions granted to the workload through a custom project role "msp_workload_custom_role".',
        str('An IAM permission such as "storage.buckets.list".', { minLength: 1 }),
      ),
    }),
  },
  { required: ['id', 'owners', 'description'] },
);

export const buildSection = obj(
  'BuildSpec',
  'Where the service image and source come from.',
  {
    image: str(
      'Image repository without a tag, e.g. "us-docker.pkg.dev/my-project/images/my-service". Images in gcr.io or Artifact Registry of another project are made readable by the Cloud Run service agent.',
      {
        minLength: 1,
        // Equivalent to ^[^:@\s]+(:[0-9]+)?(/[^:@\s]+)*$, which backtracks exponentially on
        // "a/a/a/.../a@" (the repeated group and the first one both match "/").
        pattern: '^[^:@\\s]+(:[0-9]+(/[^:@\\s]+)?)?$',
        'x-patternMessage':
          'must be an image repository without a tag or digest, such as "us-docker.pkg.dev/project/repo/image"',
      },
    ),
    source: obj('BuildSourceSpec', 'Where the source lives; used in docs and release metadata.', {
      // Optional as in the anchor, whose build validation is a no-op.
      repo: str(
        'Repository, e.g. "github.com/acme/services"; without it, the source is left out of docs and release metadata.',
        { minLength: 1 },
      ),
      dir: str('Directory inside the repository.', { default: '.' }),
    }),
  },
  { required: ['image'] },
);

export const legacyNobl9 = deprecated(
  bool('Provisioned a Nobl9 trial project; has no effect.'),
  'nothing (remove it)',
);
