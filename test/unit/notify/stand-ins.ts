import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stand-ins for the two outside services a notification reaches, since neither Slack nor GitHub can be reached
 * from tests. Each records what it received and answers as the real service documents; nothing more.
 */

export interface Received {
  path: string;
  /** The JSON body as sent. */
  body: any;
  authorization?: string;
}

interface StandIn {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/**
 * Slack's response_url and incoming webhooks: a JSON POST answered 200 `ok`. Paths in `failing` answer as a
 * revoked webhook does (404 `no_service`).
 */
export interface SlackStandIn extends StandIn {
  failing: Set<string>;
  /** What was posted to `path`. */
  at(path: string): any[];
}

export async function startSlackStandIn(): Promise<SlackStandIn> {
  const failing = new Set<string>();
  const received: Received[] = [];
  const server = await listen(async (req, res) => {
    const path = pathOf(req);
    if (req.method !== 'POST') return void res.writeHead(405).end();
    received.push({ path, body: JSON.parse(await readBody(req)) });
    if (failing.has(path)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('no_service');
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  return { ...handle(server, received), failing, at: (path) => received.filter((r) => r.path === path).map((r) => r.body) };
}

/**
 * GitHub's "create a commit status" endpoint, `POST /repos/{owner}/{repo}/statuses/{sha}`: 201 with the status
 * for the right token, 401 for any other, 404 for any other path.
 */
export interface GithubStatusStandIn extends StandIn {
  /** The statuses created, with owner, repo and sha from the path. */
  statuses(): { owner: string; repo: string; sha: string; state: string; context: string; description?: string; target_url?: string }[];
}

export async function startGithubStatusStandIn(token: string): Promise<GithubStatusStandIn> {
  const received: Received[] = [];
  const server = await listen(async (req, res) => {
    const path = pathOf(req);
    const match = /^\/repos\/([^/]+)\/([^/]+)\/statuses\/([0-9a-f]{40})$/.exec(path);
    const json = (status: number, body: unknown) => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method !== 'POST' || !match) return json(404, { message: 'Not Found' });
    if (req.headers.authorization !== `token ${token}`) return json(401, { message: 'Bad credentials' });
    const body = JSON.parse(await readBody(req));
    received.push({ path, body, authorization: req.headers.authorization });
    json(201, { id: received.length, state: body.state, context: body.context, description: body.description ?? null, target_url: body.target_url ?? null });
  });
  return {
    ...handle(server, received),
    statuses: () => received.map(({ path, body }) => {
      const [, owner = '', repo = '', sha = ''] = /^\/repos\/([^/]+)\/([^/]+)\/statuses\/(.+)$/.exec(path) ?? [];
      return { owner, repo, sha, ...body };
    }),
  };
}

const pathOf = (req: IncomingMessage) => new URL(req.url ?? '/', 'http://localhost').pathname;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<Server> {
  const server = createServer((req, res) => void handler(req, res).catch(() => res.writeHead(400).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function handle(server: Server, received: Received[]): StandIn {
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
