import { isMap, isSeq, LineCounter, parseAllDocuments, type Document } from 'yaml';
import { RenderError } from './errors.js';

/** One YAML document of a file or of a tool's output. */
export interface ParsedDocument {
  value: unknown;
  /** 1-based line where the document's content starts. */
  line: number;
  /** Offset of the content in the text, to find the comments before it. */
  offset: number;
  /** Lines of the entries of a top-level `items` sequence, for List kinds. */
  itemLines: number[];
}

/** The parser's reason without its ` at line L, column C:` tail and without the quoted source line. */
function reasonOf(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?\s*$/, '').trim();
}

/**
 * Parses multi-document YAML (or JSON) the way Kubernetes tooling reads it: YAML 1.1 scalars (`yes` is true),
 * duplicate keys refused. The first syntax error becomes `file:line:column: invalid YAML: reason` — without the
 * offending line itself, which may hold a secret.
 */
export function parseYamlDocuments(text: string, file: string, options: { json?: boolean } = {}): ParsedDocument[] {
  const lineCounter = new LineCounter();
  const docs: Document.Parsed[] = parseAllDocuments(text, { lineCounter, version: options.json ? '1.2' : '1.1', prettyErrors: true }) as Document.Parsed[];
  const parsed: ParsedDocument[] = [];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const pos = error.linePos?.[0];
      const at = pos ? `${file}:${pos.line}:${pos.col}` : file;
      throw new RenderError(`${at}: invalid ${options.json ? 'JSON' : 'YAML'}: ${reasonOf(error.message)}`);
    }
    const offset = doc.contents?.range[0] ?? doc.range[0];
    const items = isMap(doc.contents) ? doc.contents.get('items', true) : undefined;
    const itemLines = isSeq(items) ? items.items.map((item) => lineCounter.linePos((item as { range?: [number] }).range?.[0] ?? offset).line) : [];
    parsed.push({ value: doc.toJS(), line: lineCounter.linePos(offset).line, offset, itemLines });
  }
  return parsed;
}
