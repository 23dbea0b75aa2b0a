import { createWriteStream } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup } from './address-policy.js';
import { RenderError } from './errors.js';
import { formatBytes, limitError } from './limits.js';

export interface RemoteFileFetch {
  url: string;
  dest: string;
  /** Starts every message: the file and field that named the URL. */
  what: string;
  allowLoopbackUrls: boolean;
  timeoutMs: number;
  maxBytes: number;
}

/**
 * Downloads one file a policy already permits, checking each address at connect time; redirects are not followed
 * (they could lead anywhere). 4xx answers are permanent RenderErrors; network failures and 5xx are transient ones,
 * so that the job is retried.
 */
export function fetchRemoteFile(fetch: RemoteFileFetch): Promise<void> {
  const url = new URL(fetch.url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { lookup: guardedLookup(fetch.allowLoopbackUrls), timeout: fetch.timeoutMs, headers: { accept: '*/*' } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        res.resume();
        const why = status >= 300 && status < 400 ? `answered ${status} (a redirect, which is not followed); use the final URL` : `answered HTTP ${status}`;
        return reject(new RenderError(`${fetch.what}: ${why}`, { transient: status >= 500 || status === 429 }));
      }
      let bytes = 0;
      const out = createWriteStream(fetch.dest, { mode: 0o600 });
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > fetch.maxBytes) {
          res.destroy();
          out.destroy();
          reject(limitError('maxObjectBytes', fetch.what, `the file is larger than ${formatBytes(fetch.maxBytes)}`, formatBytes(fetch.maxBytes), 'use a smaller values file'));
        }
      });
      res.pipe(out);
      out.on('finish', () => resolve());
      out.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new RenderError(`${fetch.what}: no answer within ${fetch.timeoutMs / 1000} s`, { transient: true })));
    req.on('error', (error) => reject(error instanceof RenderError ? error
      : error.name === 'BlockedAddress' ? new RenderError(`${fetch.what}: refused: ${error.message}`)
        : new RenderError(`${fetch.what}: ${error.message}`, { cause: error, transient: true })));
    req.end();
  });
}
