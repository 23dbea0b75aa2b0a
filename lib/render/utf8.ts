import { RenderError } from './errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The first byte offset at which `bytes` stops being valid UTF-8. */
function firstInvalidByte(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // Binary search on prefixes: a prefix ending inside a multi-byte character is "invalid" too, so step back up to 3.
  while (high - low > 4) {
    const mid = (low + high) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      decoder.decode();
      low = mid;
    } catch {
      high = mid;
    }
  }
  for (let at = low; at <= high; at += 1) {
    try {
      decoder.decode(bytes.subarray(0, at + 1));
    } catch {
      return at;
    }
  }
  return high;
}

/** Decodes manifest bytes, refusing invalid UTF-8 (which Kubernetes would refuse, or silently mangle) with where it starts. */
export function decodeUtf8(bytes: Uint8Array, where: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    const line = bytes.subarray(0, at).reduce((n, byte) => (byte === 0x0a ? n + 1 : n), 1);
    throw new RenderError(`${where}:${line}: not valid UTF-8 (byte ${at}); manifests must be UTF-8 text, so re-encode the file ` +
      '(binary data belongs base64-encoded in a Secret or ConfigMap binaryData)');
  }
}
