import { SPEC_DEFAULTS } from './defaults.js';
import { obj, oneOf, str } from './builders.js';

const tag = (what: string) => str(`Image tag ${what}.`, { minLength: 1 });

export const deploySection = obj(
  'DeploySpec',
  'How new images reach the environment.',
  {
    type: oneOf(
      'manual: Terraform deploys the tag in `manual.tag`; subscription: the tag in `subscription.tag` is pinned to a digest (terraform/images.lock.json); rollout: Cloud Deploy promotes releases through `rollout.stages`.',
      ['manual', 'subscription', 'rollout'],
    ),
    manual: obj(
      'ManualDeploySpec',
      'Settings of `type: manual`.',
      {
        tag: tag('to deploy'),
      },
      { default: { tag: SPEC_DEFAULTS.manualTag } },
    ),
    subscription: obj(
      'SubscriptionDeploySpec',
      'Settings of `type: subscription`.',
      {
        tag: tag(
          'to follow; pinned to tag@sha256:digest in terraform/images.lock.json at generation time',
        ),
      },
      { required: ['tag'] },
    ),
  },
  { required: ['type'] },
);

export const locationsSection = obj(
  'LocationsSpec',
  'Where the environment runs. When given, both fields are required.',
  {
    gcpRegion: str(
      "Region of Cloud Run, Cloud SQL and Redis; one of the platform config's allowedRegions.",
      {
        minLength: 1,
        default: SPEC_DEFAULTS.gcpRegion,
      },
    ),
    gcpLocation: str(
      "BigQuery multi-region (US or EU, case-insensitive); one of the platform config's allowedLocations.",
      {
        minLength: 1,
        default: SPEC_DEFAULTS.gcpLocation,
      },
    ),
  },
  { required: ['gcpRegion', 'gcpLocation'] },
);
