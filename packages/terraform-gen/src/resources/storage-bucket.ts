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

/**
 * An object uploaded from a file of the stack's directory. `ABANDON` keeps
 * the object in the bucket when Terraform replaces or deletes it: things
 * made from it earlier (a Cloud Deploy release) keep their copy.
 */
export function storageBucketObjectFromFile(
  id: string,
  config: { bucket: string | Expression; name: string; fileName: string; contentType: string },
): { fragment: Fragment; outputs: { uri: string } } {
  return {
    fragment: resource('google_storage_bucket_object', id, {
      bucket: config.bucket,
      name: config.name,
      source: `\${path.module}/${config.fileName}`,
      content_type: config.contentType,
      deletion_policy: 'ABANDON',
    }),
    outputs: {
      uri: `gs://${resourceRef('google_storage_bucket_object', id, 'bucket')}/${resourceRef('google_storage_bucket_object', id, 'name')}`,
    },
  };
}
