import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
}

export interface FakeTerraformCloud {
  readonly address: string;
  readonly projects: Map<string, { id: string; name: string }>;
  readonly workspaces: Map<string, FakeWorkspace>;
  readonly teamProjects: Map<
    string,
    { id: string; projectID: string; teamID: string; access: string }
  >;
  /** `METHOD /path` of every request, in order. */
  readonly requests: string[];
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
        const ws: FakeWorkspace = { id: nextID('ws'), projectID, attributes, tags: new Set() };
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
    return fail(404, `no such endpoint in the fake: ${method} ${url.pathname}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `http://127.0.0.1:${port}`,
    projects,
    workspaces,
    teamProjects,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error === undefined ? resolve() : reject(error))),
      ),
  };
}
