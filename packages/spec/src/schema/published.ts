import { SPEC_VERSION } from '../generated/version.js';

/** The npm CDN that serves published package files by exact version. */
export const SCHEMA_CDN = 'https://unpkg.com';

/** The package whose `schema/` directory holds the published schemas. */
export const SPEC_PACKAGE = '@msp/spec';

/** Path of a published schema inside the package (listed in its `files` and `exports`). */
export const schemaPackagePath = (file: string): string => `schema/${file}`;

/** URL of a published schema of this version of `@msp/spec`. */
export function publishedSchemaURL(file: string, version: string = SPEC_VERSION): string {
  return `${SCHEMA_CDN}/${SPEC_PACKAGE}@${version}/${schemaPackagePath(file)}`;
}
