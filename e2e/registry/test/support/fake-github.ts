/**
 * The part of GitHub's REST API the workflow's comment step calls (issue comments: list,
 * create, update), with bearer-token auth, in memory.
 */
import type { IncomingMessage } from 'node:http';
import { startLocalServer } from '../../../../tools/testing/local-server.js';

export interface FakeComment {
  readonly id: number;
  body: string;
  readonly issue: number;
}

export interface FakeGitHub {
  readonly address: string;
  readonly comments: FakeComment[];
  /** `METHOD path` of every request, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<{ body?: unknown }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { body?: unknown };
}

export async function startFakeGitHub(token: string, repository: string): Promise<FakeGitHub> {
  const comments: FakeComment[] = [];
  const requests: string[] = [];
  let next = 1000;
  const server = await startLocalServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${req.method ?? ''} ${url.pathname}`);
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (req.headers.authorization !== `Bearer ${token}`)
      return send(401, { message: 'Bad credentials' });
    const list = new RegExp(`^/repos/${repository}/issues/(\\d+)/comments$`).exec(url.pathname);
    const one = new RegExp(`^/repos/${repository}/issues/comments/(\\d+)$`).exec(url.pathname);
    const view = (c: FakeComment) => ({
      id: c.id,
      body: c.body,
      html_url: `https://github.com/${repository}/pull/${c.issue}#issuecomment-${c.id}`,
    });
    if (list?.[1] !== undefined && req.method === 'GET') {
      const perPage = Number(url.searchParams.get('per_page') ?? '30');
      const page = Number(url.searchParams.get('page') ?? '1');
      const mine = comments.filter((c) => c.issue === Number(list[1]));
      return send(200, mine.slice((page - 1) * perPage, page * perPage).map(view));
    }
    if (list?.[1] !== undefined && req.method === 'POST') {
      const { body: text } = await body(req);
      if (typeof text !== 'string') return send(422, { message: 'body is required' });
      const comment = { id: next++, body: text, issue: Number(list[1]) };
      comments.push(comment);
      return send(201, view(comment));
    }
    if (one?.[1] !== undefined && req.method === 'PATCH') {
      const comment = comments.find((c) => c.id === Number(one[1]));
      if (comment === undefined) return send(404, { message: 'Not Found' });
      const { body: text } = await body(req);
      if (typeof text !== 'string') return send(422, { message: 'body is required' });
      comment.body = text;
      return send(200, view(comment));
    }
    return send(404, { message: 'Not Found' });
  });
  return { address: server.address, comments, requests, close: () => server.close() };
}
