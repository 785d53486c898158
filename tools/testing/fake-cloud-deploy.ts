import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLocalServer } from './local-server.js';

/**
 * A local stand-in for the Cloud Deploy REST API v1: the calls `msp release`
 * makes (releases.create, releases.get, releases.rollouts.create,
 * operations.get), with in-memory state, bearer-token auth, Google's error
 * document (`{"error": {"code", "message", "status"}}`), unknown-field
 * rejection, ID rules, `requestId` deduplication and long-running
 * operations that finish after a few polls.
 */
export interface FakeRelease {
  name: string;
  description?: string;
  skaffoldConfigUri?: string;
  deployParameters?: Record<string, string>;
  renderState: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  targetRenders: Record<
    string,
    { renderingState: string; failureCause?: string; failureMessage?: string }
  >;
  /** GETs left before rendering finishes. */
  pollsLeft: number;
}

export interface FakeRollout {
  name: string;
  targetId: string;
}

export interface FakeCloudDeploy {
  readonly address: string;
  readonly releases: Map<string, FakeRelease>;
  readonly rollouts: Map<string, FakeRollout>;
  /** `METHOD /path` (query left out) of every request, in order. */
  readonly requests: string[];
  /** The parsed body of every POST, in order. */
  readonly bodies: unknown[];
  /** Answer the next `count` requests with this status (e.g. 503). */
  failNext(count: number, status: number): void;
  /** Operations started from now on never finish. */
  stallOperations(): void;
  close(): Promise<void>;
}

/** Release fields of the v1 API (the `Release` message), for unknown-field errors. */
const RELEASE_FIELDS = new Set([
  'name',
  'uid',
  'description',
  'annotations',
  'labels',
  'abandoned',
  'createTime',
  'renderStartTime',
  'renderEndTime',
  'skaffoldConfigUri',
  'skaffoldConfigPath',
  'buildArtifacts',
  'deliveryPipelineSnapshot',
  'targetSnapshots',
  'customTargetTypeSnapshots',
  'renderState',
  'etag',
  'skaffoldVersion',
  'targetArtifacts',
  'targetRenders',
  'condition',
  'deployParameters',
]);
const ROLLOUT_FIELDS = new Set(['name', 'uid', 'description', 'annotations', 'labels', 'targetId']);
const ID = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startFakeCloudDeploy(options: {
  token: string;
  /** `projects/<p>/locations/<l>/deliveryPipelines/<id>` → its target IDs in order. */
  pipelines: Record<string, string[]>;
  /** `gs://` URIs of the objects that exist (the uploaded skaffold sources). */
  objects: string[];
}): Promise<FakeCloudDeploy> {
  const releases = new Map<string, FakeRelease>();
  const rollouts = new Map<string, FakeRollout>();
  const operations = new Map<string, { pollsLeft: number; response: unknown }>();
  const byRequestID = new Map<string, unknown>();
  const requests: string[] = [];
  const bodies: unknown[] = [];
  let failures = { count: 0, status: 503 };
  let stalled = false;
  let counter = 0;

  function startOperation(parent: string, response: unknown): unknown {
    const location = parent.split('/').slice(0, 4).join('/');
    const name = `${location}/operations/operation-${String(++counter).padStart(6, '0')}`;
    operations.set(name, { pollsLeft: stalled ? Number.POSITIVE_INFINITY : 2, response });
    return {
      name,
      metadata: { '@type': 'type.googleapis.com/google.cloud.deploy.v1.OperationMetadata' },
      done: false,
    };
  }

  function checkFields(
    body: unknown,
    fields: Set<string>,
    message: string,
  ): Record<string, unknown> {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new ApiError(
        400,
        'INVALID_ARGUMENT',
        `Invalid JSON payload received. Expected an object for '${message}'.`,
      );
    for (const key of Object.keys(body))
      if (!fields.has(key))
        throw new ApiError(
          400,
          'INVALID_ARGUMENT',
          `Invalid JSON payload received. Unknown name "${key}" at '${message}': Cannot find field.`,
        );
    return body as Record<string, unknown>;
  }

  function dedupe(url: URL, create: () => unknown): unknown {
    const requestID = url.searchParams.get('requestId');
    if (requestID !== null && !UUID.test(requestID))
      throw new ApiError(400, 'INVALID_ARGUMENT', 'request_id must be a valid UUID');
    if (requestID !== null && byRequestID.has(requestID)) return byRequestID.get(requestID);
    const operation = create();
    if (requestID !== null) byRequestID.set(requestID, operation);
    return operation;
  }

  function createRelease(pipeline: string, url: URL, body: unknown): unknown {
    const targets = options.pipelines[pipeline];
    if (targets === undefined)
      throw new ApiError(404, 'NOT_FOUND', `DeliveryPipeline "${pipeline}" not found`);
    return dedupe(url, () => {
      const id = url.searchParams.get('releaseId') ?? '';
      if (!ID.test(id)) throw new ApiError(400, 'INVALID_ARGUMENT', `invalid release ID "${id}"`);
      const name = `${pipeline}/releases/${id}`;
      if (releases.has(name))
        throw new ApiError(409, 'ALREADY_EXISTS', `Release "${name}" already exists`);
      const fields = checkFields(body, RELEASE_FIELDS, 'release');
      const uri = fields['skaffoldConfigUri'];
      const parameters = fields['deployParameters'];
      if (
        parameters !== undefined &&
        (typeof parameters !== 'object' ||
          parameters === null ||
          Object.values(parameters).some((v) => typeof v !== 'string'))
      )
        throw new ApiError(
          400,
          'INVALID_ARGUMENT',
          'deploy_parameters must map strings to strings',
        );
      const found = typeof uri === 'string' && options.objects.includes(uri);
      const release: FakeRelease = {
        name,
        ...(typeof fields['description'] === 'string'
          ? { description: fields['description'] }
          : {}),
        ...(typeof uri === 'string' ? { skaffoldConfigUri: uri } : {}),
        ...(parameters === undefined
          ? {}
          : { deployParameters: parameters as Record<string, string> }),
        renderState: 'IN_PROGRESS',
        targetRenders: Object.fromEntries(
          targets.map((t) => [
            t,
            found
              ? { renderingState: 'SUCCEEDED' }
              : {
                  renderingState: 'FAILED',
                  failureCause: 'CLOUD_BUILD_REQUEST_FAILED',
                  failureMessage: `skaffold source ${String(uri)} does not exist`,
                },
          ]),
        ),
        pollsLeft: 1,
      };
      releases.set(name, release);
      return startOperation(pipeline, {
        '@type': 'type.googleapis.com/google.cloud.deploy.v1.Release',
        name,
      });
    });
  }

  function getRelease(name: string): unknown {
    const release = releases.get(name);
    if (release === undefined) throw new ApiError(404, 'NOT_FOUND', `Release "${name}" not found`);
    if (release.renderState === 'IN_PROGRESS' && release.pollsLeft-- <= 0)
      release.renderState = Object.values(release.targetRenders).every(
        (r) => r.renderingState === 'SUCCEEDED',
      )
        ? 'SUCCEEDED'
        : 'FAILED';
    const { pollsLeft: _, ...view } = release;
    return view;
  }

  function createRollout(releaseName: string, url: URL, body: unknown): unknown {
    const release = releases.get(releaseName);
    if (release === undefined)
      throw new ApiError(404, 'NOT_FOUND', `Release "${releaseName}" not found`);
    return dedupe(url, () => {
      const id = url.searchParams.get('rolloutId') ?? '';
      if (!ID.test(id)) throw new ApiError(400, 'INVALID_ARGUMENT', `invalid rollout ID "${id}"`);
      const target = checkFields(body, ROLLOUT_FIELDS, 'rollout')['targetId'];
      const pipeline = releaseName.split('/releases/')[0] ?? '';
      const targets = options.pipelines[pipeline] ?? [];
      if (typeof target !== 'string' || !targets.includes(target))
        throw new ApiError(
          400,
          'INVALID_ARGUMENT',
          `target "${String(target)}" is not a stage of the pipeline`,
        );
      if (target !== targets[0])
        throw new ApiError(
          400,
          'FAILED_PRECONDITION',
          `target "${target}" is not the first stage: promote the release instead`,
        );
      if (release.renderState !== 'SUCCEEDED')
        throw new ApiError(
          400,
          'FAILED_PRECONDITION',
          `release is not rendered (render state ${release.renderState})`,
        );
      const name = `${releaseName}/rollouts/${id}`;
      if (rollouts.has(name))
        throw new ApiError(409, 'ALREADY_EXISTS', `Rollout "${name}" already exists`);
      rollouts.set(name, { name, targetId: target });
      return startOperation(pipeline, {
        '@type': 'type.googleapis.com/google.cloud.deploy.v1.Rollout',
        name,
      });
    });
  }

  function getOperation(name: string): unknown {
    const operation = operations.get(name);
    if (operation === undefined)
      throw new ApiError(404, 'NOT_FOUND', `Operation "${name}" not found`);
    if (operation.pollsLeft-- > 0) return { name, done: false };
    return { name, done: true, response: operation.response };
  }

  function route(method: string, url: URL, body: unknown): unknown {
    const path = decodeURIComponent(url.pathname);
    let m: RegExpExecArray | null;
    if (
      method === 'POST' &&
      (m = /^\/v1\/(projects\/[^/]+\/locations\/[^/]+\/deliveryPipelines\/[^/]+)\/releases$/.exec(
        path,
      ))
    )
      return createRelease(m[1] ?? '', url, body);
    if (
      method === 'POST' &&
      (m =
        /^\/v1\/(projects\/[^/]+\/locations\/[^/]+\/deliveryPipelines\/[^/]+\/releases\/[^/]+)\/rollouts$/.exec(
          path,
        ))
    )
      return createRollout(m[1] ?? '', url, body);
    if (
      method === 'GET' &&
      (m = /^\/v1\/(projects\/[^/]+\/locations\/[^/]+\/operations\/[^/]+)$/.exec(path))
    )
      return getOperation(m[1] ?? '');
    if (
      method === 'GET' &&
      (m =
        /^\/v1\/(projects\/[^/]+\/locations\/[^/]+\/deliveryPipelines\/[^/]+\/releases\/[^/]+)$/.exec(
          path,
        ))
    )
      return getRelease(m[1] ?? '');
    throw new ApiError(404, 'NOT_FOUND', `no route ${method} ${path}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push(`${req.method ?? ''} ${url.pathname}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const send = (status: number, document: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8' });
      res.end(JSON.stringify(document));
    };
    try {
      if (failures.count > 0) {
        failures.count--;
        throw new ApiError(
          failures.status,
          failures.status === 503 ? 'UNAVAILABLE' : 'INTERNAL',
          'The service is currently unavailable.',
        );
      }
      if (req.headers.authorization !== `Bearer ${options.token}`)
        throw new ApiError(
          401,
          'UNAUTHENTICATED',
          'Request had invalid authentication credentials.',
        );
      let body: unknown;
      if (req.method === 'POST') {
        if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
          throw new ApiError(400, 'INVALID_ARGUMENT', 'Content-Type must be application/json');
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          throw new ApiError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
        }
        bodies.push(body);
      }
      send(200, route(req.method ?? '', url, body));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      send(error.code, {
        error: { code: error.code, message: error.message, status: error.status },
      });
    }
  }

  const server = await startLocalServer(handle);
  return {
    address: server.address,
    releases,
    rollouts,
    requests,
    bodies,
    failNext: (count, status) => {
      failures = { count, status };
    },
    stallOperations: () => {
      stalled = true;
    },
    close: server.close,
  };
}
