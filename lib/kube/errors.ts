import { SluiceError } from '../errors.js';
import { formatRef } from './refs.js';
import type { ObjectRef } from './types.js';
import type { KubeStatus, StatusCause } from './status.js';

/** Throttled (429), conflicting (409) or failing (5xx) answers may succeed later; the rest will not. */
const retryableStatus = (code: number) => code === 409 || code === 429 || code >= 500;

/** A failure about one Kubernetes object; the message starts with `Kind/namespace/name:`. */
export class ObjectError extends SluiceError {
  override name = 'ObjectError';
  constructor(readonly ref: ObjectRef, message: string, options?: { cause?: unknown; transient?: boolean }) {
    super(`${formatRef(ref)}: ${message}`, options);
  }
}

/** A non-2xx answer from the API server, before it is explained in terms of an object. */
export class KubeApiError extends SluiceError {
  override name = 'KubeApiError';
  constructor(readonly method: string, readonly path: string, readonly status: KubeStatus, message?: string) {
    super(message ?? `${method} ${path}: ${status.code}${status.reason ? ` ${status.reason}` : ''}: ${status.message || 'no message'}`, { transient: retryableStatus(status.code) });
  }

  get code(): number {
    return this.status.code;
  }

  get reason(): string {
    return this.status.reason;
  }

  get causes(): StatusCause[] {
    return this.status.causes;
  }
}

/**
 * The API server did not accept the credentials (401). Kept distinct so a caller holding cached
 * credentials can fetch them again once before giving up.
 */
export class UnauthorizedError extends KubeApiError {
  override name = 'UnauthorizedError';
  constructor(readonly server: string, method: string, path: string, status: KubeStatus) {
    super(method, path, status, `${server}: the API server rejected the cluster credentials (401 Unauthorized); `
      + 'the token or client certificate is wrong, expired or revoked: update the cluster secret');
  }
}

/** The API server could not be reached, did not answer in time, or its TLS certificate was not trusted. */
export class KubeConnectionError extends SluiceError {
  override name = 'KubeConnectionError';
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, transient: true });
  }
}

/** A Kubernetes API failure about one object; the message names the object and says what to do. */
export class KubeObjectError extends ObjectError {
  override name = 'KubeObjectError';
  constructor(ref: ObjectRef, message: string, readonly status: KubeStatus) {
    super(ref, message, { transient: retryableStatus(status.code) });
  }

  get code(): number {
    return this.status.code;
  }

  get reason(): string {
    return this.status.reason;
  }
}

/** An update tried to change a field the API server does not allow to change; only delete and recreate helps. */
export class ImmutableFieldError extends KubeObjectError {
  override name = 'ImmutableFieldError';
  constructor(ref: ObjectRef, readonly fields: string[], status: KubeStatus) {
    super(ref, `${fields.map((f) => `${f}: field is immutable`).join('; ')}; `
      + 'change it by deleting and recreating the object (sync option Replace=true or Force=true)', status);
  }
}

/** The cluster serves no resource for the object's apiVersion and kind. */
export class UnknownKindError extends ObjectError {
  override name = 'UnknownKindError';
  constructor(ref: ObjectRef, readonly apiVersion: string, servedVersions: string[]) {
    super(ref, unknownKindMessage(ref.kind, apiVersion, servedVersions));
  }
}

function unknownKindMessage(kind: string, apiVersion: string, servedVersions: string[]): string {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  if (servedVersions.length > 0) {
    return `the cluster serves no kind ${kind} in ${apiVersion} (API group ${group || 'core'} serves ${servedVersions.join(', ')}); `
      + 'use a served apiVersion, or install the CustomResourceDefinition version that defines it';
  }
  return `the cluster does not know kind ${kind} in ${apiVersion}: its CustomResourceDefinition or API is not installed; `
    + 'install it first (in an earlier sync wave) or fix apiVersion/kind';
}
