import type { core, z } from 'zod';
import { describeKind, issueAt, valueAt, type SpecContext } from './spec-issues.js';
import { closestField, knownFields } from './suggest-field.js';
import type { SpecIssue } from './types.js';

export interface SchemaResult<T> {
  data?: T;
  errors: SpecIssue[];
  warnings: SpecIssue[];
}

export interface SchemaOptions {
  /** Argo CD specs warn and drop fields Sluice does not know; secrets reject them. */
  unknownFields: 'warn' | 'error';
  /** Whether messages may quote the offending value (never for secrets). */
  echoValues: boolean;
}

export const unsupportedMessage = 'not supported by Sluice yet; ignored';

/**
 * Validates `input` with a strict zod schema. Fields the schema does not know become warnings (and are
 * dropped before a second pass) or errors; every other problem is an error naming field, expectation and line.
 */
export function parseWithSchema<T>(schema: z.ZodType<T>, input: unknown, context: SpecContext, options: SchemaOptions): SchemaResult<T> {
  const warnings: SpecIssue[] = [];
  let current = input;
  for (let pass = 0; ; pass++) {
    const result = schema.safeParse(current);
    if (result.success) return { data: result.data, errors: [], warnings };
    const unknown = result.error.issues.filter((issue) => issue.code === 'unrecognized_keys');
    const others = result.error.issues.filter((issue) => issue.code !== 'unrecognized_keys');
    if (options.unknownFields === 'error' || unknown.length === 0 || pass >= 2) {
      const unknownIssues = options.unknownFields !== 'error' ? []
        : options.echoValues ? unknown.flatMap((issue) => unknownFieldIssues(schema, issue, context, true))
          : unknown.map((issue) => unnamedUnknownFields(schema, issue, context));
      return { errors: [...unknownIssues, ...others.map((issue) => toSpecIssue(issue, current, context, options))], warnings };
    }
    current = structuredClone(current);
    for (const issue of unknown) {
      warnings.push(...unknownFieldIssues(schema, issue, context, false));
      const parent = valueAt(current, issue.path) as Record<string, unknown>;
      for (const key of (issue as core.$ZodIssueUnrecognizedKeys).keys) delete parent[key];
    }
  }
}

function unknownFieldIssues(schema: unknown, issue: core.$ZodIssue, context: SpecContext, asError: boolean): SpecIssue[] {
  const keys = (issue as core.$ZodIssueUnrecognizedKeys).keys;
  const known = knownFields(schema, issue.path);
  return keys.map((key) => {
    const suggestion = closestField(key, known);
    const hint = suggestion ? `; did you mean "${suggestion}"?` : '';
    const message = asError ? `unknown field${hint || `; expected one of ${known.join(', ')}`}` : `${unsupportedMessage}${hint}`;
    return issueAt(context, [...issue.path, key], message);
  });
}

/**
 * Unknown fields of a secret, described without their names: a value pasted where a key belongs (a token as a
 * key) would otherwise be printed.
 */
function unnamedUnknownFields(schema: unknown, issue: core.$ZodIssue, context: SpecContext): SpecIssue {
  const { keys } = issue as core.$ZodIssueUnrecognizedKeys;
  const known = knownFields(schema, issue.path);
  // Suggesting a known field reveals nothing of the secret; the misspelt name itself could.
  const close = [...new Set(keys.flatMap((key) => closestField(key, known) ?? []))];
  const hint = close.length ? `; did you mean ${close.map((field) => `"${field}"`).join(' or ')}?` : `; expected only ${known.join(', ')}`;
  return issueAt(context, issue.path, `holds ${keys.length} unknown field${keys.length === 1 ? '' : 's'} (names not shown: this is a secret)${hint}`);
}

const expectedNames: Record<string, string> = {
  string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'a mapping',
  record: 'a mapping', map: 'a mapping', array: 'a list', literal: 'a specific value', nonoptional: 'a value',
};

function toSpecIssue(issue: core.$ZodIssue, input: unknown, context: SpecContext, options: SchemaOptions): SpecIssue {
  return issueAt(context, issue.path, messageFor(issue, valueAt(input, issue.path), options));
}

function messageFor(issue: core.$ZodIssue, received: unknown, options: SchemaOptions): string {
  // zod's own messages start with "Invalid"; anything else was written in a schema as a hint for this field.
  const hint = issue.message && !/^Invalid\b/.test(issue.message) ? issue.message : undefined;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedNames[issue.expected] ?? issue.expected;
      if (received === undefined) return `required: expected ${expected}${hint ? `; ${hint}` : ''}`;
      if (issue.expected === 'int' && typeof received === 'number') return `expected a whole number, got ${received}`;
      return `expected ${expected}, got ${describeKind(received)}${typeHint(issue.expected, received, hint)}`;
    }
    case 'invalid_value': {
      const allowed = issue.values.map((value) => JSON.stringify(value)).join(', ');
      const got = options.echoValues && typeof received !== 'object' ? JSON.stringify(received) : describeKind(received);
      return `expected ${issue.values.length === 1 ? allowed : `one of ${allowed}`}, got ${got}`;
    }
    default:
      return hint ?? issue.message;
  }
}

function typeHint(expected: string, received: unknown, hint: string | undefined): string {
  if (hint) return `; ${hint}`;
  if (expected === 'string' && (typeof received === 'number' || typeof received === 'boolean')) return '; put the value in quotes';
  if (expected === 'boolean' && typeof received === 'string') return '; write true or false';
  return '';
}
