import type { z } from 'zod';
import { badRequest } from './errors.js';

/**
 * A JSON body checked against `schema`; an empty body counts as `{}`. A problem is a 400 naming the field
 * (`body.revision: ...`), every problem in one message.
 */
export function parseBody<Schema extends z.ZodObject>(body: string | undefined, schema: Schema): z.output<Schema> {
  let value: unknown = {};
  if (body !== undefined && body.trim() !== '') {
    try {
      value = JSON.parse(body);
    } catch {
      throw badRequest(`body: not valid JSON; send a JSON object with the fields ${fieldList(schema)}`);
    }
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw badRequest(result.error.issues.map((issue) => describeIssue(issue, schema)).join('; '));
}

function describeIssue(issue: z.core.$ZodIssue, schema: z.ZodObject): string {
  const at = ['body', ...issue.path.map(String)].join('.');
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${at}.${key}: not a known field; use ${fieldList(schema)}`).join('; ');
  if (issue.code === 'invalid_type' && issue.path.length === 0) return `body: must be a JSON object with the fields ${fieldList(schema)}`;
  return `${at}: ${issue.message}`;
}

function fieldList(schema: z.ZodObject): string {
  const fields = Object.keys(schema.shape);
  return fields.length ? fields.join(', ') : '(none)';
}
