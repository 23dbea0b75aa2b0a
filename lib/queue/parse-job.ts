import type { z } from 'zod';
import { QueueError } from './errors.js';
import { jobSchema } from './job-schema.js';
import type { Job } from './types.js';

/**
 * Parses and validates one job message body. `source` names the message in errors (e.g. its SQS message id);
 * the error lists every problem as `field: what is expected`, never the body itself.
 */
export function parseJob(body: string, source = 'job message'): Job {
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch {
    throw new QueueError(`${source}: the body is not JSON; expected a job like {"kind":"sync","app":"...","trigger":{"kind":"webhook"},"requestedAt":"..."}`);
  }
  return validateJob(input, source);
}

/** Validates a job value (before sending, or after parsing). */
export function validateJob(input: unknown, source = 'job'): Job {
  const result = jobSchema.safeParse(input);
  if (!result.success) throw new QueueError(`${source}: not a valid job: ${result.error.issues.map((issue) => describeIssue(issue, input)).join('; ')}`);
  return result.data;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const field = issue.path.length > 0 ? issue.path.join('.') : '(job)';
  const missing = issue.code === 'invalid_type' && issue.path.length > 0 && valueAt(input, issue.path) === undefined;
  return `${field}: ${missing ? 'required' : issue.message}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}
