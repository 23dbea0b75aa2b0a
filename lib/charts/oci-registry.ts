import { RenderError } from '../render/index.js';
import { basicAuth } from './helm-repo-index.js';
import { httpGet, statusError, type HttpAnswer } from './http-get.js';
import type { ChartAuth, ChartFetchOptions } from './types.js';

const chartLayer = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
const manifestTypes = 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json';
const maxTagPages = 20;

const loopbackHost = (registry: string) => /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i.test(registry);

/**
 * A client for one repository of an OCI registry (the Distribution API, as `helm pull oci://` speaks it): basic
 * auth or the token exchange a `WWW-Authenticate: Bearer` challenge asks for, the token kept for this client's
 * requests. Plain HTTP only to a loopback registry when loopback URLs are allowed (the local stack); else HTTPS.
 */
export class OciRepository {
  private readonly base: string;
  private authorization: string | undefined;

  constructor(registry: string, readonly name: string, private readonly auth: ChartAuth | undefined, private readonly options: ChartFetchOptions, private readonly what: string) {
    const scheme = options.allowLoopbackUrls && loopbackHost(registry) ? 'http' : 'https';
    this.base = `${scheme}://${registry}/v2/${name}`;
    this.authorization = basicAuth(auth);
  }

  /** Whether the registry takes the credentials: GET /v2/ (after the token exchange a Bearer challenge asks for). */
  async checkAccess(): Promise<void> {
    await this.get(this.base.replace(/\/v2\/.*$/, '/v2/'), 'application/json', `${this.what}: the registry`);
  }

  /** Every tag, following the registry's pagination; Helm writes `+` in versions as `_` in tags. */
  async versions(): Promise<string[]> {
    const tags: string[] = [];
    let url: string | undefined = `${this.base}/tags/list?n=1000`;
    for (let page = 0; url && page < maxTagPages; page++) {
      const answer = await this.get(url, 'application/json', `${this.what}: the tags of ${this.name}`);
      const body = parseJson(answer, `${this.what}: the tags of ${this.name}`) as { tags?: unknown };
      if (Array.isArray(body.tags)) tags.push(...body.tags.filter((t): t is string => typeof t === 'string'));
      const next = /<([^>]+)>;\s*rel="?next"?/.exec(String(answer.headers.link ?? ''))?.[1];
      url = next ? new URL(next, this.base).toString() : undefined;
    }
    return tags.map((tag) => tag.replace(/_/g, '+'));
  }

  /** The digest of the chart archive layer of `version`'s manifest. */
  async chartDigest(version: string): Promise<string> {
    const what = `${this.what}: ${this.name}:${version}`;
    const answer = await this.get(`${this.base}/manifests/${encodeURIComponent(version.replace(/\+/g, '_'))}`, manifestTypes, what).catch((error: Error) => {
      if (/HTTP 404/.test(error.message)) throw new RenderError(`${what}: the registry has no version ${version} of ${this.name}; check chart and targetRevision`);
      throw error;
    });
    const manifest = parseJson(answer, what) as { layers?: Array<{ mediaType?: unknown; digest?: unknown }> };
    const layer = manifest.layers?.find((l) => l.mediaType === chartLayer);
    if (typeof layer?.digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(layer.digest)) {
      throw new RenderError(`${what}: not a Helm chart (the manifest has no ${chartLayer} layer); check repoURL and chart`);
    }
    return layer.digest;
  }

  /** The bytes of a blob, checked against its digest by the caller. */
  async blob(digest: string): Promise<Buffer> {
    const answer = await this.get(`${this.base}/blobs/${digest}`, '*/*', `${this.what}: ${this.name}@${digest}`);
    return answer.body;
  }

  private async get(url: string, accept: string, what: string): Promise<HttpAnswer> {
    const request = () => httpGet({ url, what, authorization: this.authorization, headers: { accept }, allowLoopbackUrls: this.options.allowLoopbackUrls, timeoutMs: this.options.timeoutMs, maxBytes: this.options.maxBytes });
    let answer = await request();
    if (answer.status === 401) {
      const challenge = String(answer.headers['www-authenticate'] ?? '');
      if (/^bearer\s/i.test(challenge)) {
        this.authorization = `Bearer ${await this.token(challenge, what)}`;
        answer = await request();
      }
    }
    if (answer.status !== 200) throw statusError(answer, what, this.auth !== undefined);
    return answer;
  }

  /** The token a Bearer challenge's realm hands out for pulling this repository, asked with the basic credentials. */
  private async token(challenge: string, what: string): Promise<string> {
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
    if (!params.realm) throw new RenderError(`${what}: the registry asked for a token without saying where to get it`);
    const realm = new URL(params.realm);
    if (params.service) realm.searchParams.set('service', params.service);
    realm.searchParams.set('scope', params.scope ?? `repository:${this.name}:pull`);
    const answer = await httpGet({ url: realm.toString(), what: `${what}: token from ${realm.host}`, authorization: basicAuth(this.auth), headers: { accept: 'application/json' }, allowLoopbackUrls: this.options.allowLoopbackUrls, timeoutMs: this.options.timeoutMs, maxBytes: 1024 * 1024 });
    if (answer.status !== 200) throw statusError(answer, `${what}: token from ${realm.host}`, this.auth !== undefined);
    const body = parseJson(answer, `${what}: token from ${realm.host}`) as { token?: unknown; access_token?: unknown };
    const token = typeof body.token === 'string' ? body.token : body.access_token;
    if (typeof token !== 'string' || !token) throw new RenderError(`${what}: the registry's token endpoint gave no token`);
    return token;
  }
}

function parseJson(answer: HttpAnswer, what: string): Record<string, unknown> {
  try {
    const value = JSON.parse(answer.body.toString('utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch { /* below */ }
  throw new RenderError(`${what}: the registry's answer is not JSON`);
}
