import { MspError } from '@msp/spec/errors';
import { fetchWithRetry as retrying, type RetryOptions } from '../http/fetch-with-retry.js';

/** One JSON:API resource object as Terraform Cloud returns it. */
export interface Resource {
  readonly id: string;
  readonly type: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly relationships?: Readonly<Record<string, { readonly data?: unknown }>>;
}

export interface ApiOptions extends RetryOptions {
  /** e.g. `https://app.terraform.io`; the client appends `/api/v2`. */
  readonly baseURL: string;
  readonly token: string;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * Sends one request to the Terraform Cloud API v2 and returns the parsed
 * body (undefined for 204 and for a 404 when `allowNotFound`). API errors
 * become an `MspError` naming the request and Terraform Cloud's explanation.
 * A network failure, 429 or 5xx is retried with exponential backoff (a POST,
 * which is not idempotent, only when the API answered 429 or 503, so that it
 * cannot have acted).
 */
export async function request(
  api: ApiOptions,
  method: Method,
  path: string,
  options: { body?: unknown; allowNotFound?: boolean } = {},
): Promise<unknown> {
  const url = `${api.baseURL.replace(/\/$/, '')}/api/v2${path}`;
  const init = {
    method,
    headers: {
      Authorization: `Bearer ${api.token}`,
      'Content-Type': 'application/vnd.api+json',
      Accept: 'application/vnd.api+json',
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  };
  const response = await fetchWithRetry(api, url, init, `${method} ${path}`);
  if (response.status === 404 && options.allowNotFound === true) return undefined;
  const text = await response.text();
  if (!response.ok) {
    const denied = response.status === 401 || response.status === 403 || response.status === 404;
    throw new MspError(
      'tfc-api',
      `Terraform Cloud: ${method} ${path} returned ${response.status}${explain(text)}`,
      denied
        ? {
            hint: 'Check that the token is valid and has access to the organization (Terraform Cloud answers 404 when it has none).',
          }
        : {},
    );
  }
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/**
 * `fetch` with the retry policy of `request`; also used for uploads and
 * logs, which go to URLs outside the API.
 */
export function fetchWithRetry(
  api: Pick<ApiOptions, 'baseURL' | 'fetch' | 'attempts' | 'retryDelayMs'>,
  url: string,
  init: RequestInit & { method: string },
  what: string,
): Promise<Response> {
  return retrying(api, url, init, (attempts, cause) => {
    return new MspError(
      'tfc-unreachable',
      `cannot reach Terraform Cloud at ${api.baseURL} (${what}, ${attempts} attempt${attempts === 1 ? '' : 's'})`,
      {
        cause,
        hint: "Check the network and the platform config's state.hostname (or TFE_ADDRESS).",
      },
    );
  });
}

export function explain(body: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: { title?: string; detail?: string }[] };
    const details = (parsed.errors ?? [])
      .map((e) => e.detail ?? e.title)
      .filter((d) => d !== undefined);
    return details.length > 0 ? `: ${details.join('; ')}` : '';
  } catch {
    return '';
  }
}

/** The `data` of a single-resource document. */
export function one(body: unknown): Resource {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!isResource(data))
    throw new MspError(
      'tfc-api',
      'Terraform Cloud returned an unexpected document (no data object)',
    );
  return data;
}

/** The `data` of a collection document. */
export function many(body: unknown): Resource[] {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data) || !data.every(isResource))
    throw new MspError(
      'tfc-api',
      'Terraform Cloud returned an unexpected document (no data array)',
    );
  return data;
}

function isResource(value: unknown): value is Resource {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string' &&
    typeof (value as { attributes?: unknown }).attributes === 'object'
  );
}
