import type { StructuredLogger } from './runtime-types.js';

export type HeadersFactory = () => Promise<Record<string, string>>;

/**
 * Authorization headers for the Telemetry API from Application Default
 * Credentials, asked for on every export: the library caches the access
 * token and refreshes it before it expires (tokens last an hour, longer
 * than many instances live but not all). The exporter requires that this
 * never throws, so a failure is logged and the export goes out without
 * credentials (and is rejected and logged by the exporter).
 */
export async function gcpAuthHeaders(logger: StructuredLogger): Promise<HeadersFactory> {
  const { GoogleAuth } = await import('google-auth-library');
  const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] });
  return async () => {
    try {
      const headers = await auth.getRequestHeaders();
      return Object.fromEntries(headers.entries());
    } catch (error) {
      logger.warn('cannot get Google Cloud credentials for telemetry export', {
        error: error instanceof Error ? error.message : String(error),
      });
      return {};
    }
  };
}
