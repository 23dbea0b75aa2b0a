import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import bcrypt from 'bcryptjs';
import type { BasicAuth } from './git-server.js';
import { toolPath } from './paths.js';
import { freePort } from './ports.js';
import { ManagedProcess } from './process.js';

/** Where the stack serves Helm charts: a Helm repository over HTTP and two OCI registries, one behind basic auth. */
export interface ChartServersInfo {
  /** `helm package` archives and the `helm repo index` index.yaml written here are served at helmRepoUrl. */
  helmRepoDir: string;
  helmRepoUrl: string;
  /** `127.0.0.1:<port>` of a registry anyone may pull from and push to. */
  registry: string;
  /** `127.0.0.1:<port>` of a registry that takes `registryAuth` only (htpasswd, bcrypt). */
  authRegistry: string;
  registryAuth: BasicAuth;
}

export interface ChartServers {
  info: ChartServersInfo;
  processes: ManagedProcess[];
  close(): Promise<void>;
}

/** A static file server for the Helm repository directory: GET of files inside it, nothing else. */
async function startHelmRepoServer(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(join(root, decodeURIComponent((req.url ?? '/').split('?')[0]!)));
    if (req.method !== 'GET' || !path.startsWith(root + sep)) {
      res.writeHead(404).end();
      return;
    }
    readFile(path).then((body) => {
      // An ETag, as static hosts give one, so clients can ask again with If-None-Match.
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
      if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
      res.writeHead(200, { etag, 'content-type': path.endsWith('.yaml') ? 'application/yaml' : 'application/gzip' }).end(body);
    }, () => res.writeHead(404).end());
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The CNCF distribution registry (built by build-tools.sh) on a free loopback port, with htpasswd auth when given. */
async function startRegistry(dir: string, name: string, htpasswd?: string): Promise<{ address: string; process: ManagedProcess }> {
  mkdirSync(join(dir, 'storage'), { recursive: true });
  const port = await freePort();
  const config = [
    'version: 0.1',
    'log: { level: warn, accesslog: { disabled: true } }',
    `storage: { filesystem: { rootdirectory: ${JSON.stringify(join(dir, 'storage'))} }, delete: { enabled: true } }`,
    `http: { addr: "127.0.0.1:${port}" }`,
    ...(htpasswd ? [`auth: { htpasswd: { realm: sluice-registry, path: ${JSON.stringify(htpasswd)} } }`] : []),
  ].join('\n');
  writeFileSync(join(dir, 'config.yml'), `${config}\n`);
  const process = new ManagedProcess({ name, command: toolPath('registry'), args: ['serve', join(dir, 'config.yml')], logFile: join(dir, 'registry.log') });
  await process.waitUntil(() => new Promise((resolveCheck) => {
    get(`http://127.0.0.1:${port}/v2/`, (res) => {
      res.resume();
      resolveCheck(res.statusCode === 200 || res.statusCode === 401);
    }).on('error', () => resolveCheck(false));
  }), 15_000, 'serving /v2/');
  return { address: `127.0.0.1:${port}`, process };
}

/** Starts the Helm repository and both registries under `runDir/charts`. */
export async function startChartServers(runDir: string): Promise<ChartServers> {
  const root = join(runDir, 'charts');
  const helmRepoDir = join(root, 'helm-repo');
  mkdirSync(helmRepoDir, { recursive: true });
  const registryAuth = { username: 'chart-puller', password: 'registry-secret' };
  const htpasswd = join(root, 'htpasswd');
  mkdirSync(root, { recursive: true });
  writeFileSync(htpasswd, `${registryAuth.username}:${bcrypt.hashSync(registryAuth.password, 8)}\n`, { mode: 0o600 });
  const repo = await startHelmRepoServer(helmRepoDir);
  const processes: ManagedProcess[] = [];
  try {
    const [open, authed] = await Promise.all([startRegistry(join(root, 'registry'), 'registry'), startRegistry(join(root, 'auth-registry'), 'auth-registry', htpasswd)]);
    processes.push(open.process, authed.process);
    return {
      info: { helmRepoDir, helmRepoUrl: repo.url, registry: open.address, authRegistry: authed.address, registryAuth },
      processes,
      close: () => new Promise((resolveClose) => {
        repo.server.closeAllConnections();
        repo.server.close(() => resolveClose());
      }),
    };
  } catch (error) {
    await Promise.all(processes.map((p) => p.stop()));
    repo.server.close();
    throw error;
  }
}
