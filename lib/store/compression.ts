import { gunzipSync, gzipSync } from 'node:zlib';

/** JSON, gzipped: resource lists compress about tenfold, which keeps most of them inside one item. */
export function gzipJson(value: unknown): Uint8Array {
  return gzipSync(JSON.stringify(value));
}

export function gunzipJson<T>(bytes: Uint8Array): T {
  return JSON.parse(gunzipSync(bytes).toString('utf8')) as T;
}
