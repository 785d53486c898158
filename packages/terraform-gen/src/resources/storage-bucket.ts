import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** A bucket with uniform access and public access prevention enforced. */
export function storageBucket(
  id: string,
  config: { name: string; location: string },
): { fragment: Fragment; outputs: { name: Expression } } {
  return {
    fragment: resource('google_storage_bucket', id, {
      name: config.name,
      location: config.location,
      uniform_bucket_level_access: true,
      public_access_prevention: 'enforced',
    }),
    outputs: { name: resourceRef('google_storage_bucket', id, 'name') },
  };
}

/** Grants a role on one bucket. */
export function storageBucketIAMMember(
  id: string,
  config: { bucket: string; role: string; member: string },
): { fragment: Fragment } {
  return { fragment: resource('google_storage_bucket_iam_member', id, { ...config }) };
}
