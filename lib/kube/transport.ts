// Raw HTTPS rather than @kubernetes/client-node's typed API: manifests go out as the bytes Git holds and come back
// as plain JSON, so fields newer than the client's models (and CRDs' unknown fields) survive.
import { Agent, request, type RequestOptions } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { version } from '../version.js';
import type { Endpoint } from './credentials.js';
import { KubeApiError, KubeConnectionError, UnauthorizedError } from './errors.js';
import { parseStatus } from './status.js';

export interface TransportOptions {
  /** Per attempt, from sending to the last byte of the answer. */
  timeoutMs: number;
  /** Concurrent connections to the API server (the sync applies a wave concurrently). */
  maxSockets: number;
  /** Extra attempts after 429/503, and after a reused connection was reset (not for POST). */
  retries: number;
}

export function defaultTransportOptions(overrides: Partial<TransportOptions> = {}): TransportOptions {
  return { timeoutMs: 30_000, maxSockets: 16, retries: 3, ...overrides };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface KubeRequest {
  method: Method;
  /** Absolute API path, e.g. `/apis/apps/v1/namespaces/web/deployments`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Serialised body, sent byte for byte. */
  body?: string;
  contentType?: string;
  accept?: string;
}

export interface KubeResponse {
  status: number;
  body: string;
  /** Texts of the `Warning` headers (deprecations, dropped fields). */
  warnings: string[];
}

interface RawResponse extends KubeResponse {
  retryAfterSeconds?: number;
}

const retryStatuses = new Set([429, 503]);
const resetCodes = new Set(['ECONNRESET', 'EPIPE']);
const tlsTrustCodes = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** HTTPS to one API server over a keep-alive pool. Holds the credentials; never puts them in a message. */
export class KubeTransport {
  /** The server URL without any userinfo: safe to show. */
  readonly server: string;
  readonly #endpoint: Endpoint;
  readonly #agent: Agent;
  readonly #options: TransportOptions;

  constructor(endpoint: Endpoint, options: Partial<TransportOptions> = {}) {
    this.#endpoint = endpoint;
    this.#options = defaultTransportOptions(options);
    this.server = `${endpoint.server.origin}${endpoint.server.pathname.replace(/\/+$/, '')}`;
    this.#agent = new Agent({
      keepAlive: true,
      maxSockets: this.#options.maxSockets,
      ca: endpoint.ca,
      cert: endpoint.cert,
      key: endpoint.key,
      rejectUnauthorized: endpoint.rejectUnauthorized,
    });
  }

  /** Sends `req`; resolves on 2xx, otherwise throws UnauthorizedError (401), KubeApiError or KubeConnectionError. */
  async request(req: KubeRequest): Promise<KubeResponse> {
    for (let attempt = 0; ; attempt++) {
      const retriesLeft = attempt < this.#options.retries;
      let res: RawResponse;
      try {
        res = await this.#send(req);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (retriesLeft && req.method !== 'POST' && code && resetCodes.has(code)) continue;
        throw this.#connectionError(req, error);
      }
      if (res.status >= 200 && res.status < 300) return res;
      if (retriesLeft && retryStatuses.has(res.status)) {
        await sleep(Math.min(res.retryAfterSeconds ?? 0.2 * 2 ** attempt, 5) * 1000);
        continue;
      }
      const status = parseStatus(res.status, res.body);
      if (res.status === 401) throw new UnauthorizedError(this.server, req.method, req.path, status);
      throw new KubeApiError(req.method, req.path, status);
    }
  }

  /** `request`, with the answer parsed as JSON. */
  async json<T>(req: KubeRequest): Promise<{ value: T; warnings: string[]; status: number }> {
    const res = await this.request(req);
    try {
      return { value: JSON.parse(res.body) as T, warnings: res.warnings, status: res.status };
    } catch {
      throw new KubeConnectionError(`${req.method} ${req.path}: ${this.server} answered ${res.status} with a body that is not JSON`);
    }
  }

  /** Closes pooled connections; later requests open new ones. */
  close(): void {
    this.#agent.destroy();
  }

  #send(req: KubeRequest): Promise<RawResponse> {
    const url = new URL(`${this.#endpoint.server.pathname.replace(/\/+$/, '')}${req.path}`, this.#endpoint.server.origin);
    for (const [name, value] of Object.entries(req.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = {
      accept: req.accept ?? 'application/json',
      'accept-encoding': 'gzip',
      'user-agent': `sluice/${version}`,
    };
    if (this.#endpoint.token) headers.authorization = `Bearer ${this.#endpoint.token}`;
    if (req.body !== undefined) {
      headers['content-type'] = req.contentType ?? 'application/json';
      headers['content-length'] = String(Buffer.byteLength(req.body));
    }
    const options: RequestOptions = { method: req.method, headers, agent: this.#agent };

    return new Promise((resolve, reject) => {
      const outgoing = request(url, options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          clearTimeout(timer);
          try {
            resolve(rawResponse(res, Buffer.concat(chunks)));
          } catch (error) {
            reject(error);
          }
        });
      });
      const timer = setTimeout(() => {
        const timeout = new KubeConnectionError(
          `${req.method} ${req.path}: ${this.server} did not answer within ${this.#options.timeoutMs / 1000} s; check that the API server is up and reachable`);
        outgoing.destroy(timeout);
        reject(timeout);
      }, this.#options.timeoutMs);
      outgoing.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      outgoing.end(req.body);
    });
  }

  #connectionError(req: KubeRequest, error: unknown): Error {
    if (error instanceof KubeConnectionError) return error;
    const { code, message } = error as NodeJS.ErrnoException;
    const hint = code && tlsTrustCodes.has(code)
      ? 'the server certificate is not trusted: check caData (the cluster CA) and the server host name'
      : code === 'ERR_OSSL_UNSUPPORTED' || /DECODER|PEM|key values mismatch/i.test(message)
        ? 'the client certificate or key could not be used: check clientCertData and clientKeyData'
        : 'check the server URL and that the API server is reachable from here';
    return new KubeConnectionError(`${req.method} ${req.path}: cannot talk to ${this.server}: ${message}; ${hint}`, { cause: error });
  }
}

function rawResponse(res: IncomingMessage, raw: Buffer): RawResponse {
  const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
  const retryAfter = Number(res.headers['retry-after']);
  return {
    status: res.statusCode ?? 0,
    body: body.toString('utf8'),
    warnings: warningsOf(res.rawHeaders),
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
}

/** The texts of `Warning: 299 - "text"` headers; read from raw headers because Node joins repeats with commas. */
export function warningsOf(rawHeaders: string[]): string[] {
  const warnings: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() !== 'warning') continue;
    const value = rawHeaders[i + 1]!;
    const quoted = /^\d{3} \S+ "((?:[^"\\]|\\.)*)"/.exec(value);
    warnings.push(quoted ? quoted[1]!.replace(/\\(.)/g, '$1') : value);
  }
  return warnings;
}
