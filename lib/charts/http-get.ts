import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup, RenderError } from '../render/index.js';

export interface HttpGet {
  url: string;
  /** Starts every message: what was being fetched. */
  what: string;
  headers?: Record<string, string>;
  /** Sent to the first URL's origin only, never to a host a redirect leads to. */
  authorization?: string;
  allowLoopbackUrls: boolean;
  timeoutMs: number;
  maxBytes: number;
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Where the answer came from after redirects. */
  url: string;
}

const maxRedirects = 5;

/**
 * One GET of a chart repository, registry or token endpoint. Every address is checked at connect time (no link-local
 * or metadata address; loopback only when allowed), redirects are followed up to 5 times with the Authorization
 * header kept only on the same origin, and the body is bounded. Network failures are transient RenderErrors; the
 * caller decides what an HTTP status means.
 */
export async function httpGet(get: HttpGet): Promise<HttpAnswer> {
  let url = new URL(get.url);
  const origin = url.origin;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const headers = { ...get.headers, ...(get.authorization && url.origin === origin ? { authorization: get.authorization } : {}) };
    const answer = await once(url, headers, get);
    const location = answer.headers.location;
    if (answer.status >= 300 && answer.status < 400 && location) {
      const next = new URL(location, url);
      if (next.protocol !== 'https:' && next.protocol !== 'http:') throw new RenderError(`${get.what}: redirected to a ${next.protocol} URL, which is not followed`);
      if (url.protocol === 'https:' && next.protocol === 'http:') throw new RenderError(`${get.what}: redirected from https to plain http, which is not followed`);
      url = next;
      continue;
    }
    return { ...answer, url: url.toString() };
  }
  throw new RenderError(`${get.what}: more than ${maxRedirects} redirects`);
}

function once(url: URL, headers: Record<string, string>, get: HttpGet): Promise<Omit<HttpAnswer, 'url'>> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { lookup: guardedLookup(get.allowLoopbackUrls), timeout: get.timeoutMs, headers: { 'user-agent': 'sluice', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > get.maxBytes) {
          res.destroy();
          reject(new RenderError(`${get.what}: the answer is larger than ${Math.round(get.maxBytes / 1024 / 1024)} MiB; raise SLUICE_MAX_CHART_BYTES or use a smaller chart`));
        } else chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', (error) => reject(new RenderError(`${get.what}: ${error.message}`, { cause: error, transient: true })));
    });
    req.on('timeout', () => req.destroy(new RenderError(`${get.what}: no answer within ${get.timeoutMs / 1000} s`, { transient: true })));
    req.on('error', (error) => reject(error instanceof RenderError ? error
      : error.name === 'BlockedAddress' ? new RenderError(`${get.what}: refused: ${error.message}`)
        : new RenderError(`${get.what}: ${url.host} cannot be reached (${(error as NodeJS.ErrnoException).code ?? error.message})`, { cause: error, transient: true })));
    req.end();
  });
}

/** An answer that is not 2xx as a RenderError: 401/403 say to check the credentials, 5xx and 429 are transient. */
export function statusError(answer: Pick<HttpAnswer, 'status'>, what: string, hadCredentials: boolean): RenderError {
  const { status } = answer;
  if (status === 401 || status === 403) {
    return new RenderError(hadCredentials
      ? `${what}: the repository refused the stored credentials (HTTP ${status}); update them with \`sluice repo add --type helm\``
      : `${what}: the repository asks for credentials (HTTP ${status}); store them with \`sluice repo add <url> --type helm --username … --password …\``);
  }
  if (status === 404) return new RenderError(`${what}: not found (HTTP 404); check repoURL and chart`);
  return new RenderError(`${what}: answered HTTP ${status}`, { transient: status >= 500 || status === 429 });
}
