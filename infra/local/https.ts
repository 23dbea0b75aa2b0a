import { request } from 'node:https';
import { readFileSync } from 'node:fs';

export interface TlsClient {
  ca: string;
  cert?: string;
  key?: string;
  token?: string;
}

export interface SimpleResponse {
  status: number;
  body: string;
}

/** One HTTPS request with file-based TLS credentials; for stack start-up checks, not for the engine. */
export function httpsRequest(url: string, tls: TlsClient, method = 'GET', body?: string, contentType = 'application/json'): Promise<SimpleResponse> {
  return new Promise((resolveRequest, reject) => {
    const headers: Record<string, string> = {};
    if (tls.token) headers.authorization = `Bearer ${tls.token}`;
    if (body !== undefined) headers['content-type'] = contentType;
    const req = request(url, {
      method,
      headers,
      ca: readFileSync(tls.ca),
      cert: tls.cert ? readFileSync(tls.cert) : undefined,
      key: tls.key ? readFileSync(tls.key) : undefined,
      timeout: 10_000,
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolveRequest({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url}: timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}
