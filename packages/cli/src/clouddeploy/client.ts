import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { MspError } from '@msp/spec/errors';
import { fetchWithRetry, type RetryOptions } from '../http/fetch-with-retry.js';

export const CLOUD_DEPLOY_ENDPOINT = 'https://clouddeploy.googleapis.com';

export interface CloudDeployOptions extends RetryOptions {
  /** The API's root, `https://clouddeploy.googleapis.com` unless pointed elsewhere. */
  readonly endpoint: string;
  /** A Google OAuth access token. */
  readonly token: string;
  /** First wait between polls of an operation or release; doubled up to 5 s. @default 250 */
  readonly pollMs?: number;
  /** Aborting it stops every request and poll (Ctrl-C: nothing keeps running behind the error). */
  readonly signal?: AbortSignal;
}

/** A long-running operation (google.longrunning.Operation). */
interface Operation {
  readonly name: string;
  readonly done?: boolean;
  readonly error?: { readonly code?: number; readonly message?: string };
  readonly response?: unknown;
}

/** The fields of a Release msp reads. */
export interface Release {
  readonly name: string;
  readonly renderState?: string;
  readonly targetRenders?: Readonly<
    Record<string, { renderingState?: string; failureCause?: string; failureMessage?: string }>
  >;
}

/** What a release is created with (Release fields msp sets). */
export interface ReleaseBody {
  readonly description: string;
  readonly skaffoldConfigUri: string;
  readonly deployParameters: Readonly<Record<string, string>>;
}

/**
 * The parts of the Cloud Deploy REST API v1 `msp release` calls: create a
 * release and a rollout (each a long-running operation, waited for), and
 * read a release. Requests that create carry a `requestId`, which the API
 * deduplicates by, so they are retried like reads.
 */
export class CloudDeployClient {
  constructor(private readonly options: CloudDeployOptions) {}

  /** Creates the release `releaseID` in `pipeline` (`projects/…/deliveryPipelines/…`) and waits for it. */
  async createRelease(pipeline: string, releaseID: string, body: ReleaseBody): Promise<void> {
    const operation = await this.call<Operation>(
      'POST',
      `/v1/${pipeline}/releases?releaseId=${encodeURIComponent(releaseID)}&requestId=${randomUUID()}`,
      body,
    );
    await this.waitOperation(operation);
  }

  /** Creates the rollout `rolloutID` of `release` to `targetID` and waits for the operation. */
  async createRollout(release: string, rolloutID: string, targetID: string): Promise<void> {
    const operation = await this.call<Operation>(
      'POST',
      `/v1/${release}/rollouts?rolloutId=${encodeURIComponent(rolloutID)}&requestId=${randomUUID()}`,
      { targetId: targetID },
    );
    await this.waitOperation(operation);
  }

  getRelease(release: string): Promise<Release> {
    return this.call<Release>('GET', `/v1/${release}`);
  }

  /** Polls `read` until `done` holds, waiting `pollMs` at first and up to 5 s. */
  async poll<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    let delay = this.options.pollMs ?? 250;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      await sleep(
        delay,
        undefined,
        this.options.signal === undefined ? {} : { signal: this.options.signal },
      );
      delay = Math.min(delay * 2, 5000);
    }
  }

  private async waitOperation(started: Operation): Promise<void> {
    const operation = started.done
      ? started
      : await this.poll(
          () => this.call<Operation>('GET', `/v1/${started.name}`),
          (op) => op.done === true,
        );
    if (operation.error !== undefined)
      throw new MspError(
        'clouddeploy-operation',
        `Cloud Deploy: operation ${operation.name} failed: ${operation.error.message ?? `code ${operation.error.code ?? '?'}`}`,
      );
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const url = `${this.options.endpoint.replace(/\/$/, '')}${path}`;
    const what = `${method} ${path.replace(/\?.*$/, '')}`;
    const response = await fetchWithRetry(
      this.options,
      url,
      {
        method,
        idempotent: true,
        headers: {
          Authorization: `Bearer ${this.options.token}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(this.options.signal === undefined ? {} : { signal: this.options.signal }),
      },
      (attempts, cause) =>
        new MspError(
          'clouddeploy-unreachable',
          `cannot reach Cloud Deploy at ${this.options.endpoint} (${what}, ${attempts} attempt${attempts === 1 ? '' : 's'})`,
          { cause, hint: 'Check the network (or MSP_CLOUDDEPLOY_ENDPOINT) and run again.' },
        ),
    );
    const text = await response.text();
    if (!response.ok) throw apiError(what, response.status, text);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new MspError(
        'clouddeploy-api',
        `Cloud Deploy: ${what} returned a body that is not JSON`,
      );
    }
  }
}

/** A Google API error (`{"error": {"code", "status", "message"}}`) as an MspError naming the request. */
function apiError(what: string, status: number, text: string): MspError {
  let detail = '';
  try {
    const error = (JSON.parse(text) as { error?: { status?: string; message?: string } }).error;
    detail = [error?.status, error?.message].filter((part) => part !== undefined).join(': ');
  } catch {
    // Not a Google error document: the status alone says what happened.
  }
  const hints: Record<number, string> = {
    401: 'The access token is invalid or expired: run "gcloud auth login" or refresh GOOGLE_OAUTH_ACCESS_TOKEN.',
    403: "The account needs roles/clouddeploy.releaser on the pipeline's project (the generated releaser service account has it).",
    404: 'Apply the stacks of the final rollout stage first ("msp apply"): they create the delivery pipeline.',
    409: 'A release or rollout of that name exists already: run again for a new name.',
  };
  const hint = hints[status];
  return new MspError(
    'clouddeploy-api',
    `Cloud Deploy: ${what} returned ${status}${detail === '' ? '' : ` ${detail}`}`,
    hint === undefined ? {} : { hint },
  );
}
