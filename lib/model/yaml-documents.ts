import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { SpecIssue } from './types.js';

/** A path into a parsed document, as zod reports it: keys and array indexes. */
export type FieldPath = readonly PropertyKey[];

/** Finds the 1-based YAML line of a field, or of its closest ancestor that is written down. */
export type LineOf = (path: FieldPath) => number | undefined;

export interface YamlDocument {
  /** The document as plain JSON-like data; `undefined` for an empty document. */
  value: unknown;
  lineOf: LineOf;
}

/** Splits multi-document YAML, keeping a line lookup per document. Syntax errors come back as issues. */
export function readYamlDocuments(text: string, file: string): { documents: YamlDocument[]; issues: SpecIssue[] } {
  const lineCounter = new LineCounter();
  const documents: YamlDocument[] = [];
  const issues: SpecIssue[] = [];
  for (const doc of parseAllDocuments(text, { lineCounter, prettyErrors: false })) {
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        issues.push({ file, field: '(yaml)', message: `${error.message} (line ${line}, column ${col})` });
      }
      continue;
    }
    // An empty or comment-only document reads as null: nothing to report.
    const value: unknown = doc.toJS();
    documents.push({ value: value ?? undefined, lineOf: lineLookup(doc, lineCounter) });
  }
  return { documents, issues };
}

function lineLookup(doc: Document, lineCounter: LineCounter): LineOf {
  const lineAt = (node: { range?: [number, number, number] | null } | null | undefined) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  return (path) => {
    let node: unknown = doc.contents;
    let line = lineAt(doc.contents as Node | null);
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        line = lineAt(pair.key as Node) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        node = node.items[segment];
        line = lineAt(node as Node) ?? line;
      } else {
        break;
      }
    }
    return line;
  };
}
