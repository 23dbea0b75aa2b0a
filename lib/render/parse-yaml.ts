import { Composer, isMap, isSeq, LineCounter, Parser, type Document } from 'yaml';
import { checkDocumentSizes } from './document-sizes.js';
import { RenderError } from './errors.js';
import { flattenStrings } from './flatten-strings.js';
import { defaultRenderLimits, limitError } from './limits.js';
import { checkNestingDepth } from './nesting-depth.js';
import type { RenderLimits } from './types.js';

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

export type YamlLimits = Pick<RenderLimits, 'maxAliasCount' | 'maxDepth' | 'maxObjectBytes'>;

export interface ParseYamlOptions {
  json?: boolean;
  /** Default: defaultRenderLimits(). */
  limits?: YamlLimits;
}

/** The parser's reason without its ` at line L, column C:` tail and without the quoted source line. */
function reasonOf(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?\s*$/, '').trim();
}

function toJs(doc: Document.Parsed, at: string, limits: YamlLimits): unknown {
  try {
    return doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    if (error instanceof ReferenceError && /alias count/i.test(error.message)) {
      throw limitError('maxAliasCount', at, 'the document expands YAML aliases (*ref) too often', `${limits.maxAliasCount} expansions`,
        'write the repeated parts out instead of aliasing them');
    }
    if (error instanceof RangeError) {
      throw limitError('maxDepth', at, 'the document nests too deeply to read', `${limits.maxDepth} levels`, 'flatten the structure');
    }
    throw error;
  }
}

/**
 * Parses multi-document YAML (or JSON) the way Kubernetes tooling reads it: YAML 1.1 scalars (`yes` is true),
 * duplicate keys refused. The first syntax error becomes `file:line:column: invalid YAML: reason` — without the
 * offending line itself, which may hold a secret. Nesting, document size and alias expansion are bounded by `limits`.
 */
export function parseYamlDocuments(text: string, file: string, options: ParseYamlOptions = {}): ParsedDocument[] {
  const limits = options.limits ?? defaultRenderLimits();
  checkNestingDepth(text, file, limits.maxDepth);
  checkDocumentSizes(text, file, limits.maxObjectBytes);
  const lineCounter = new LineCounter();
  const composer = new Composer({ lineCounter, version: options.json ? '1.2' : '1.1' });
  const parsed: ParsedDocument[] = [];
  // One document at a time, each turned into plain values before the next is parsed: the parser's own tree of a
  // document is many times its text, and is dropped as soon as the document is read.
  for (const doc of composer.compose(new Parser(lineCounter.addNewLine).parse(text), true) as Iterable<Document.Parsed>) {
    const error = doc.errors[0];
    if (error) {
      const pos = lineCounter.linePos(error.pos[0]);
      const at = `${file}:${pos.line}:${pos.col}`;
      if (/call stack/i.test(error.message)) {
        throw limitError('maxDepth', at, 'the document nests too deeply to read', `${limits.maxDepth} levels`, 'flatten the structure');
      }
      throw new RenderError(`${at}: invalid ${options.json ? 'JSON' : 'YAML'}: ${reasonOf(error.message)}`);
    }
    const offset = doc.contents?.range[0] ?? doc.range[0];
    const line = lineCounter.linePos(offset).line;
    const items = isMap(doc.contents) ? doc.contents.get('items', true) : undefined;
    const itemLines = isSeq(items) ? items.items.map((item) => lineCounter.linePos((item as { range?: [number] }).range?.[0] ?? offset).line) : [];
    parsed.push({ value: flattenStrings(toJs(doc, `${file}:${line}`, limits)), line, offset, itemLines });
  }
  return parsed;
}
