import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { UsageError } from '../errors.js';

export const DEFAULT_PROJECT_ID_SUFFIX_LENGTH = 4;

/**
 * A new project ID `<service>-<env>-<suffix>` with `suffixLength` random
 * lowercase hex characters.
 * @throws {UsageError} when suffixLength < 2 or the ID would exceed 30 characters.
 */
export function newProjectID(
  serviceID: string,
  envID: string,
  suffixLength: number = DEFAULT_PROJECT_ID_SUFFIX_LENGTH,
  randomBytes: (size: number) => Uint8Array = cryptoRandomBytes,
): string {
  if (!Number.isInteger(suffixLength) || suffixLength < 2) {
    throw new UsageError(
      `project ID suffix length must be an integer of at least 2, got ${suffixLength}`,
    );
  }
  const bytes = randomBytes(Math.ceil(suffixLength / 2));
  const suffix = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, suffixLength);
  const id = `${serviceID}-${envID}-${suffix}`;
  if (id.length > 30) {
    throw new UsageError(
      `project ID "${id}" is longer than 30 characters: use a shorter environment ID or suffix length`,
    );
  }
  return id;
}
