import type { SpecIssue } from './model/types.js';
import type { ObjectRef } from './kube/types.js';
import { formatRef } from './kube/refs.js';

/** Base of every error Sluice raises on purpose; its message is meant for the user. */
export class SluiceError extends Error {
  override name = 'SluiceError';
}

/** An invalid Application, AppProject or cluster spec: one message per problem, each naming file and field. */
export class SpecError extends SluiceError {
  override name = 'SpecError';
  constructor(readonly issues: SpecIssue[]) {
    super(issues.map((i) => `${i.file}: ${i.field}: ${i.message}`).join('\n'));
  }
}

/** A failure about one Kubernetes object; the message starts with `Kind/namespace/name:`. */
export class ObjectError extends SluiceError {
  override name = 'ObjectError';
  constructor(readonly ref: ObjectRef, message: string, options?: { cause?: unknown }) {
    super(`${formatRef(ref)}: ${message}`, options);
  }
}
