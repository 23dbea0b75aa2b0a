import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BasicAuth {
  username: string;
  password: string;
}

export interface GitServer {
  /** e.g. http://127.0.0.1:41234 — a repo `apps.git` under the root is at `${url}/apps.git`. */
  url: string;
  root: string;
  close(): Promise<void>;
}

/** The user whose credentials the header carries, if they are any of `accepted` (a list read anew per request). */
function authorized(header: string | undefined, accepted: BasicAuth | readonly BasicAuth[]): string | undefined {
  const [scheme, encoded] = (header ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'basic' || !encoded) return undefined;
  const given = Buffer.from(encoded, 'base64');
  for (const auth of Array.isArray(accepted) ? accepted : [accepted as BasicAuth]) {
    const expected = Buffer.from(`${auth.username}:${auth.password}`);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return auth.username;
  }
  return undefined;
}

/** Called after a push was received, with the repository's path under the root (e.g. `apps.git`). */
export type OnPush = (repo: string) => void;

/** Runs `git http-backend` as a CGI program for one request and relays its answer. */
function serveWithHttpBackend(root: string, user: string, req: IncomingMessage, res: ServerResponse, onPush?: OnPush): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    REQUEST_METHOD: req.method ?? 'GET',
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    REMOTE_USER: user, // also enables receive-pack, so tests may push over HTTP
    REMOTE_ADDR: req.socket.remoteAddress ?? '',
    ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
    ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] } : {}),
    ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
  };
  const cgi = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  req.pipe(cgi.stdin);
  cgi.stdin.on('error', () => undefined);

  let head = Buffer.alloc(0);
  let headersSent = false;
  cgi.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) { res.write(chunk); return; }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n') >= 0 ? head.indexOf('\r\n\r\n') : head.indexOf('\n\n');
    if (end < 0) return;
    const separator = head[end] === 0x0d ? 4 : 2;
    let status = 200;
    for (const line of head.subarray(0, end).toString('latin1').split(/\r?\n/)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else res.setHeader(name, value);
    }
    res.writeHead(status);
    headersSent = true;
    res.write(head.subarray(end + separator));
  });
  let stderr = '';
  cgi.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  cgi.on('close', (code) => {
    if (!headersSent) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`git http-backend exited ${code}: ${stderr}`);
      return;
    }
    res.end();
    // Like GitHub after a push: tell whoever listens, once the refs are updated.
    if (code === 0 && onPush && url.pathname.endsWith('/git-receive-pack')) onPush(url.pathname.slice(1, -'/git-receive-pack'.length));
  });
}

/**
 * Serves the bare repositories under `root` over git's smart HTTP protocol on 127.0.0.1, optionally behind basic auth:
 * one user, or a list of them that may grow while the server runs (tokens the GitHub App stand-in hands out).
 * With `accessLog`, each request is appended to that file as `METHOD path?query`, and an upload-pack POST also as
 * `ls-refs` (protocol v2's ref listing, what an ls-remote sends) or `fetch`: the benchmarks count them.
 */
export async function startGitServer(root: string, auth?: BasicAuth | readonly BasicAuth[], onPush?: OnPush, accessLog?: string): Promise<GitServer> {
  const server: Server = createServer((req, res) => {
    if (accessLog) {
      const line = `${req.method} ${req.url}`;
      if (req.method === 'POST' && req.url?.endsWith('/git-upload-pack')) {
        req.once('data', (chunk: Buffer) => appendFileSync(accessLog, `${line} ${chunk.includes('command=ls-refs') ? 'ls-refs' : 'fetch'}\n`));
      } else appendFileSync(accessLog, `${line}\n`);
    }
    const user = auth ? authorized(req.headers.authorization, auth) : 'anonymous';
    if (!user) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="sluice-git"', 'content-type': 'text/plain' });
      res.end('authentication required\n');
      return;
    }
    serveWithHttpBackend(root, user, req, res, onPush);
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    root,
    close: () => new Promise((resolveClose) => {
      server.closeAllConnections();
      server.close(() => resolveClose());
    }),
  };
}
