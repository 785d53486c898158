import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLocalServer } from '../../../../tools/testing/local-server.js';
import { gunzipSync } from 'node:zlib';

/**
 * A local stand-in for the Terraform Cloud API v2: just the endpoints
 * `msp tfc sync` uses, JSON:API shaped, with in-memory state, bearer-token
 * auth and the content type checks the real API makes.
 */
export interface FakeWorkspace {
  id: string;
  projectID: string;
  attributes: Record<string, unknown>;
  tags: Set<string>;
  /** Resource addresses the workspace's state holds (what applies created). */
  state: Set<string>;
}

/**
 * A run as the fake drives it: each GET advances it one state, as real runs
 * move on between polls (pending → planning → planned → [apply] applying →
 * applied), with a plan computed from the uploaded configuration against the
 * workspace's state.
 */
export interface FakeRun {
  id: string;
  workspaceName: string;
  status: string;
  destroy: boolean;
  autoApply: boolean;
  planOnly: boolean;
  /** resource_changes of the plan, Terraform's JSON plan shape. */
  changes: { address: string; type: string; change: { actions: string[] } }[];
  planLog: string;
  applyLog: string;
  comments: string[];
}

export interface FakeTerraformCloud {
  readonly address: string;
  readonly projects: Map<string, { id: string; name: string }>;
  readonly workspaces: Map<string, FakeWorkspace>;
  readonly teamProjects: Map<
    string,
    { id: string; projectID: string; teamID: string; access: string }
  >;
  readonly runs: Map<string, FakeRun>;
  /** `METHOD /path` of every request, in order. */
  readonly requests: string[];
  /** The next plan of this workspace errors with this log. */
  failPlan(workspaceName: string, log: string): void;
  /** The next apply of this workspace errors with this log. */
  failApply(workspaceName: string, log: string): void;
  /** Answer the next `count` API requests with this status (e.g. 503), as an overloaded API does. */
  failNext(count: number, status: number): void;
  close(): Promise<void>;
}

export async function startFakeTerraformCloud(options: {
  organization: string;
  token: string;
}): Promise<FakeTerraformCloud> {
  const projects = new Map<string, { id: string; name: string }>();
  const workspaces = new Map<string, FakeWorkspace>();
  const teamProjects = new Map<
    string,
    { id: string; projectID: string; teamID: string; access: string }
  >();
  const requests: string[] = [];
  const runs = new Map<string, FakeRun>();
  const configurationVersions = new Map<
    string,
    { workspaceName: string; status: string; speculative: boolean; resources: Map<string, string> }
  >();
  const planFailures = new Map<string, string>();
  const applyFailures = new Map<string, string>();
  let failures: { count: number; status: number } = { count: 0, status: 503 };
  let counter = 0;
  const nextID = (prefix: string) => `${prefix}-${String(++counter).padStart(6, '0')}`;

  const workspaceDoc = (ws: FakeWorkspace) => ({
    data: {
      id: ws.id,
      type: 'workspaces',
      attributes: { ...ws.attributes, 'tag-names': [...ws.tags].sort() },
      relationships: { project: { data: { id: ws.projectID, type: 'projects' } } },
    },
  });

  const runDoc = (run: FakeRun) => ({
    data: {
      id: run.id,
      type: 'runs',
      attributes: {
        status: run.status,
        'is-destroy': run.destroy,
        'has-changes': run.changes.some((c) => !c.change.actions.includes('no-op')),
        actions: {
          'is-confirmable': run.status === 'planned',
          'is-discardable': run.status === 'planned',
        },
      },
      relationships: {
        workspace: { data: { id: workspaces.get(run.workspaceName)?.id, type: 'workspaces' } },
        plan: { data: { id: `plan-${run.id}`, type: 'plans' } },
        apply: { data: { id: `apply-${run.id}`, type: 'applies' } },
      },
    },
  });

  /** One poll's worth of progress, as Terraform Cloud moves a run on by itself. */
  const advance = (run: FakeRun): void => {
    const failure = planFailures.get(run.workspaceName);
    switch (run.status) {
      case 'pending':
        run.status = 'planning';
        return;
      case 'planning':
        if (failure !== undefined) {
          planFailures.delete(run.workspaceName);
          run.planLog = failure;
          run.status = 'errored';
        } else if (run.planOnly || !run.changes.some((c) => !c.change.actions.includes('no-op')))
          run.status = 'planned_and_finished';
        else run.status = run.autoApply ? 'apply_queued' : 'planned';
        return;
      case 'apply_queued':
        run.status = 'applying';
        return;
      case 'applying': {
        const applyFailure = applyFailures.get(run.workspaceName);
        if (applyFailure !== undefined) {
          applyFailures.delete(run.workspaceName);
          run.applyLog = applyFailure;
          run.status = 'errored';
          return;
        }
        const ws = workspaces.get(run.workspaceName);
        for (const c of run.changes) {
          if (c.change.actions.includes('delete')) ws?.state.delete(c.address);
          if (c.change.actions.includes('create')) ws?.state.add(c.address);
        }
        run.status = 'applied';
        return;
      }
    }
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    requests.push(`${method} ${decodeURIComponent(url.pathname)}`);
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/vnd.api+json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const fail = (status: number, detail: string) =>
      send(status, { errors: [{ status: String(status), title: 'error', detail }] });
    if (failures.count > 0) {
      failures.count--;
      return fail(failures.status, 'service unavailable');
    }
    // Upload and log URLs are pre-signed: no token.
    if (url.pathname.startsWith('/_archivist/upload/') && method === 'PUT') {
      const cv = configurationVersions.get(url.pathname.split('/').at(-1) ?? '');
      if (cv === undefined || cv.status !== 'pending') return fail(404, 'not found');
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      cv.resources = resourcesOf(
        untar(gunzipSync(Buffer.concat(chunks))).get('main.tf.json') ?? '{}',
      );
      cv.status = 'uploaded';
      res.writeHead(200);
      res.end();
      return;
    }
    if (url.pathname.startsWith('/_archivist/logs/') && method === 'GET') {
      const [, , , kind, id] = url.pathname.split('/');
      const run = runs.get((id ?? '').replace(/^(plan|apply)-/, ''));
      res.writeHead(run === undefined ? 404 : 200, { 'Content-Type': 'text/plain' });
      res.end(run === undefined ? '' : kind === 'plans' ? run.planLog : run.applyLog);
      return;
    }
    if (req.headers.authorization !== `Bearer ${options.token}`) return fail(401, 'unauthorized');
    let body: {
      data?: Record<string, unknown> & {
        attributes?: Record<string, unknown>;
        relationships?: Record<string, { data?: { id?: string } }>;
      };
    } = {};
    if (method === 'POST' || method === 'PATCH') {
      if (req.headers['content-type'] !== 'application/vnd.api+json')
        return fail(415, 'content type must be application/vnd.api+json');
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
    }
    const parts = url.pathname
      .replace(/^\/api\/v2\//, '')
      .split('/')
      .map(decodeURIComponent);
    const org = parts[0] === 'organizations' ? parts[1] : undefined;
    if (org !== undefined && org !== options.organization) return fail(404, 'not found');

    // /organizations/:org/projects
    if (org !== undefined && parts[2] === 'projects' && parts.length === 3) {
      if (method === 'GET') {
        const names = (url.searchParams.get('filter[names]') ?? '').split(',');
        const data = [...projects.values()]
          .filter((p) => names.includes(p.name))
          .map((p) => ({ id: p.id, type: 'projects', attributes: { name: p.name } }));
        return send(200, { data });
      }
      if (method === 'POST') {
        const name = String(body.data?.attributes?.['name']);
        if ([...projects.values()].some((p) => p.name === name))
          return fail(422, 'Name has already been taken');
        const project = { id: nextID('prj'), name };
        projects.set(project.id, project);
        return send(201, { data: { id: project.id, type: 'projects', attributes: { name } } });
      }
    }
    if (parts[0] === 'projects' && parts.length === 2 && method === 'DELETE') {
      if (!projects.has(parts[1] ?? '')) return fail(404, 'not found');
      if ([...workspaces.values()].some((w) => w.projectID === parts[1]))
        return fail(409, 'project still has workspaces');
      projects.delete(parts[1] ?? '');
      return send(204);
    }
    // /team-projects
    if (parts[0] === 'team-projects') {
      const doc = (tp: { id: string; projectID: string; teamID: string; access: string }) => ({
        id: tp.id,
        type: 'team-projects',
        attributes: { access: tp.access },
        relationships: {
          project: { data: { id: tp.projectID, type: 'projects' } },
          team: { data: { id: tp.teamID, type: 'teams' } },
        },
      });
      if (method === 'GET' && parts.length === 1) {
        const projectID = url.searchParams.get('filter[project][id]');
        return send(200, {
          data: [...teamProjects.values()].filter((tp) => tp.projectID === projectID).map(doc),
        });
      }
      if (method === 'POST' && parts.length === 1) {
        const tp = {
          id: nextID('tprj'),
          projectID: String(body.data?.relationships?.['project']?.data?.id),
          teamID: String(body.data?.relationships?.['team']?.data?.id),
          access: String(body.data?.attributes?.['access']),
        };
        teamProjects.set(tp.id, tp);
        return send(201, { data: doc(tp) });
      }
      if (method === 'PATCH' && parts.length === 2) {
        const tp = teamProjects.get(parts[1] ?? '');
        if (tp === undefined) return fail(404, 'not found');
        tp.access = String(body.data?.attributes?.['access']);
        return send(200, { data: doc(tp) });
      }
    }
    // /organizations/:org/workspaces[/:name]
    if (org !== undefined && parts[2] === 'workspaces') {
      const name = parts[3];
      if (name === undefined && method === 'POST') {
        const attributes = { ...(body.data?.attributes ?? {}) };
        const wsName = String(attributes['name']);
        if (workspaces.has(wsName)) return fail(422, 'Name has already been taken');
        const projectID = String(body.data?.relationships?.['project']?.data?.id);
        if (!projects.has(projectID)) return fail(422, 'project not found');
        const ws: FakeWorkspace = {
          id: nextID('ws'),
          projectID,
          attributes,
          tags: new Set(),
          state: new Set(),
        };
        workspaces.set(wsName, ws);
        return send(201, workspaceDoc(ws));
      }
      const ws = name === undefined ? undefined : workspaces.get(name);
      if (ws === undefined || name === undefined) return fail(404, 'not found');
      if (method === 'GET') return send(200, workspaceDoc(ws));
      if (method === 'PATCH') {
        Object.assign(ws.attributes, body.data?.attributes ?? {});
        const projectID = body.data?.relationships?.['project']?.data?.id;
        if (projectID !== undefined) ws.projectID = projectID;
        return send(200, workspaceDoc(ws));
      }
      if (method === 'DELETE') {
        workspaces.delete(name);
        return send(204);
      }
    }
    // /workspaces/:id/relationships/tags
    if (
      parts[0] === 'workspaces' &&
      parts[2] === 'relationships' &&
      parts[3] === 'tags' &&
      method === 'POST'
    ) {
      const ws = [...workspaces.values()].find((w) => w.id === parts[1]);
      if (ws === undefined) return fail(404, 'not found');
      const tags = (body as { data?: unknown }).data as { attributes: { name: string } }[];
      for (const tag of tags) ws.tags.add(tag.attributes.name);
      return send(204);
    }
    const byID = (id: string | undefined) => [...workspaces.entries()].find(([, w]) => w.id === id);
    // /workspaces/:id/configuration-versions
    if (parts[0] === 'workspaces' && parts[2] === 'configuration-versions' && method === 'POST') {
      const found = byID(parts[1]);
      if (found === undefined) return fail(404, 'not found');
      const id = nextID('cv');
      const attributes = body.data?.attributes ?? {};
      configurationVersions.set(id, {
        workspaceName: found[0],
        status: 'pending',
        speculative: attributes['speculative'] === true,
        resources: new Map(),
      });
      return send(201, {
        data: {
          id,
          type: 'configuration-versions',
          attributes: {
            status: 'pending',
            speculative: attributes['speculative'] === true,
            'auto-queue-runs': attributes['auto-queue-runs'] !== false,
            'upload-url': `${address()}/_archivist/upload/${id}`,
          },
        },
      });
    }
    if (parts[0] === 'configuration-versions' && parts.length === 2 && method === 'GET') {
      const cv = configurationVersions.get(parts[1] ?? '');
      if (cv === undefined) return fail(404, 'not found');
      return send(200, {
        data: { id: parts[1], type: 'configuration-versions', attributes: { status: cv.status } },
      });
    }
    // /runs
    if (parts[0] === 'runs' && parts.length === 1 && method === 'POST') {
      const found = byID(body.data?.relationships?.['workspace']?.data?.id);
      if (found === undefined) return fail(404, 'workspace not found');
      const [workspaceName, ws] = found;
      const cvID = body.data?.relationships?.['configuration-version']?.data?.id;
      const cv = cvID === undefined ? undefined : configurationVersions.get(cvID);
      if (cvID !== undefined && cv?.status !== 'uploaded')
        return fail(422, 'configuration version is not uploaded');
      const attributes = body.data?.attributes ?? {};
      const destroy = attributes['is-destroy'] === true;
      const wanted = destroy
        ? new Map<string, string>()
        : (cv?.resources ?? new Map<string, string>());
      const changes = [
        ...[...wanted].map(([address, type]) => ({
          address,
          type,
          change: { actions: ws.state.has(address) ? ['no-op'] : ['create'] },
        })),
        ...[...ws.state]
          .filter((address) => !wanted.has(address))
          .map((address) => ({
            address,
            type: address.split('.')[0] ?? '',
            change: { actions: ['delete'] },
          })),
      ];
      const run: FakeRun = {
        id: nextID('run'),
        workspaceName,
        status: 'pending',
        destroy,
        autoApply:
          attributes['auto-apply'] === undefined
            ? ws.attributes['auto-apply'] === true
            : attributes['auto-apply'] === true,
        planOnly: cv?.speculative === true,
        changes,
        planLog: 'Plan: done',
        applyLog: 'Apply complete!',
        comments: [],
      };
      runs.set(run.id, run);
      return send(201, runDoc(run));
    }
    if (parts[0] === 'runs' && parts.length === 2 && method === 'GET') {
      const run = runs.get(parts[1] ?? '');
      if (run === undefined) return fail(404, 'not found');
      advance(run);
      return send(200, runDoc(run));
    }
    if (parts[0] === 'runs' && parts[2] === 'actions' && method === 'POST') {
      const run = runs.get(parts[1] ?? '');
      if (run === undefined) return fail(404, 'not found');
      if (run.status !== 'planned') return fail(409, `run is ${run.status}, not confirmable`);
      run.comments.push(String((body as { comment?: unknown }).comment ?? ''));
      if (parts[3] === 'apply') run.status = 'apply_queued';
      else if (parts[3] === 'discard') run.status = 'discarded';
      else return fail(404, 'no such action');
      return send(202);
    }
    // /plans/:id, /plans/:id/json-output, /applies/:id
    if ((parts[0] === 'plans' || parts[0] === 'applies') && method === 'GET') {
      const run = runs.get((parts[1] ?? '').replace(/^(plan|apply)-/, ''));
      if (run === undefined) return fail(404, 'not found');
      if (parts[2] === 'json-output' && parts[0] === 'plans')
        return send(200, { format_version: '1.2', resource_changes: run.changes });
      return send(200, {
        data: {
          id: parts[1],
          type: parts[0],
          attributes: { 'log-read-url': `${address()}/_archivist/logs/${parts[0]}/${parts[1]}` },
        },
      });
    }
    return fail(404, `no such endpoint in the fake: ${method} ${url.pathname}`);
  }

  const server = await startLocalServer(handle);
  function address(): string {
    return server.address;
  }
  return {
    address: address(),
    projects,
    workspaces,
    teamProjects,
    runs,
    requests,
    failPlan: (name, log) => planFailures.set(name, log),
    failApply: (name, log) => applyFailures.set(name, log),
    failNext: (count, status) => {
      failures = { count, status };
    },
    close: server.close,
  };
}

/** The files of an uncompressed ustar archive, by path. */
function untar(archive: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  for (let offset = 0; offset + 512 <= archive.length;) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const name = prefix === '' ? field(0, 100) : `${prefix}/${field(0, 100)}`;
    const size = parseInt(field(124, 12), 8);
    files.set(name, archive.subarray(offset + 512, offset + 512 + size).toString('utf8'));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** Every `resource` address of a Terraform JSON document, with its type. */
function resourcesOf(json: string): Map<string, string> {
  const doc = JSON.parse(json) as { resource?: Record<string, Record<string, unknown>> };
  const addresses = new Map<string, string>();
  for (const [type, bodies] of Object.entries(doc.resource ?? {}))
    for (const name of Object.keys(bodies)) addresses.set(`${type}.${name}`, type);
  return addresses;
}
