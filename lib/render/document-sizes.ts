import { formatBytes, limitError } from './limits.js';

/** Lines that start or end a YAML document: `---` and `...` in the first column. */
const marker = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;

/**
 * Refuses a YAML stream with a document over `maxObjectBytes`, before it is parsed: a parser holds many times the
 * text in memory. Documents are found by their markers alone, which YAML forbids inside scalars.
 */
export function checkDocumentSizes(text: string, file: string, maxObjectBytes: number): void {
  if (text.length <= maxObjectBytes / 3 || Buffer.byteLength(text) <= maxObjectBytes) return;
  const starts = [0, ...[...text.matchAll(marker)].map((m) => m.index ?? 0), text.length];
  for (let i = 0; i + 1 < starts.length; i += 1) {
    const bytes = Buffer.byteLength(text.slice(starts[i], starts[i + 1]));
    if (bytes > maxObjectBytes) {
      const line = text.slice(0, starts[i]).split('\n').length;
      throw limitError('maxObjectBytes', `${file}:${line}`, `one YAML document is ${formatBytes(bytes)}`, formatBytes(maxObjectBytes),
        'split it into smaller objects (a Kubernetes object cannot exceed about 1.5 MiB anyway)');
    }
  }
}
