import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the two GitHub endpoints a tarball download touches, since github.com cannot be reached from tests:
 * `GET /repos/{owner}/{repo}/tarball/{ref}` answers 302 to a codeload-like URL, which streams the archive
 * `git archive` makes of a real repository, under GitHub's `{owner}-{repo}-{sha7}/` top-level directory.
 * Private repositories answer 404 without the right token, as GitHub does.
 */
export interface GithubStandIn {
  apiBaseUrl: string;
  /** Paths requested, in order. */
  requests: string[];
  /** Authorization headers received on API calls. */
  authorizations: string[];
  close(): Promise<void>;
}

export interface StandInRepo {
  bareDir: string;
  token?: string;
  /** Served instead of the real archive for these shas (to test hostile archives). */
  archives?: Record<string, Buffer>;
}

const notFound = JSON.stringify({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });

export async function startGithubStandIn(repos: Record<string, StandInRepo>): Promise<GithubStandIn> {
  const requests: string[] = [];
  const authorizations: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push(path);
    const api = /^\/repos\/([^/]+)\/([^/]+)\/tarball\/([^/]+)$/.exec(path);
    const codeload = /^\/_codeload\/([^/]+)\/([^/]+)\/legacy\.tar\.gz\/([0-9a-f]{40})$/.exec(path);
    const [, owner, name, ref] = api ?? codeload ?? [];
    const repo = owner && name ? repos[`${owner}/${name}`] : undefined;
    if (api && repo) authorizations.push(req.headers.authorization ?? '');
    const allowed = repo && (!repo.token || !api || req.headers.authorization === `token ${repo.token}`);
    if (!repo || !ref || !allowed || (!api && !codeload)) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(notFound);
      return;
    }
    if (api) {
      res.writeHead(302, { location: `/_codeload/${owner}/${name}/legacy.tar.gz/${ref}` }).end();
      return;
    }
    const crafted = repo.archives?.[ref];
    res.writeHead(200, { 'content-type': 'application/x-gzip' });
    if (crafted) {
      res.end(crafted);
      return;
    }
    const archive = spawn('git', ['archive', '--format=tar.gz', `--prefix=${owner}-${name}-${ref.slice(0, 7)}/`, ref], { cwd: repo.bareDir });
    archive.stdout.pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiBaseUrl: `http://127.0.0.1:${port}`,
    requests,
    authorizations,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
