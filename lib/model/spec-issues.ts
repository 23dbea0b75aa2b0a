import type { SpecIssue } from './types.js';
import type { FieldPath, LineOf } from './yaml-documents.js';

/** Where a spec came from: the file (or secret id) and, for YAML, a way to find a field's line. */
export interface SpecContext {
  file: string;
  lineOf?: LineOf;
}

const plainKey = /^[A-Za-z_$][\w$-]*$/;

/** `spec.source.helm.valueFiles[1]`, `metadata.labels["app.kubernetes.io/name"]`. */
export function formatField(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && plainKey.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** A SpecIssue for a field, with the YAML line appended when it is known. */
export function issueAt(context: SpecContext, path: FieldPath, message: string): SpecIssue {
  const line = context.lineOf?.(path);
  return { file: context.file, field: formatField(path) || '(document)', message: line ? `${message} (line ${line})` : message };
}

/** How a value reads in a message: its kind, never its content. */
export function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string': return 'a string';
    case 'number': return 'a number';
    case 'boolean': return 'a boolean';
    case 'object': return 'a mapping';
    default: return typeof value;
  }
}

export function valueAt(input: unknown, path: FieldPath): unknown {
  let value = input;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** `file: field: problem`, as every face shows a spec issue. */
export function issueText(issue: SpecIssue): string {
  return `${issue.file}: ${issue.field}: ${issue.message}`;
}
