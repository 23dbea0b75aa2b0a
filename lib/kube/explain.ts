import type { ApiResource } from './api-catalog.js';
import { ImmutableFieldError, KubeApiError, KubeObjectError, UnauthorizedError } from './errors.js';
import type { KubeStatus, StatusCause } from './status.js';
import type { ObjectRef } from './types.js';

/** Kubernetes RBAC verbs, as named in a 403 and in a Role. */
export type KubeVerb = 'get' | 'list' | 'create' | 'patch' | 'update' | 'delete';

const immutableTexts = ['field is immutable', 'may not change once set'];

/**
 * Turns an API failure about one object into an error naming the object and saying what to do.
 * Other errors (401, network) pass through unchanged: they are about the cluster, not the object.
 */
export function explainApiError(error: unknown, ref: ObjectRef, verb: KubeVerb, resource: ApiResource): unknown {
  if (!(error instanceof KubeApiError) || error instanceof UnauthorizedError) return error;
  const status = ref.group === '' && ref.kind === 'Secret' ? withoutValues(error.status) : error.status;
  const immutable = immutableFields(status);
  if (immutable.length > 0) return new ImmutableFieldError(ref, immutable, status);
  return new KubeObjectError(ref, describe(status, verb, resource), status);
}

function describe(status: KubeStatus, verb: KubeVerb, resource: ApiResource): string {
  const said = status.message || `${status.code} ${status.reason}`.trim();
  const schemaErrors = typedPatchErrors(said);
  if (schemaErrors) {
    const undeclared = schemaErrors.some((e) => e.includes('field not declared in schema'));
    return `does not fit the API schema of ${resource.kind} ${resource.group ? `${resource.group}/` : ''}${resource.version}: ${schemaErrors.join('; ')}; fix the manifest`
      + (undeclared ? ' (server-side apply rejects fields the schema does not declare whatever the validation setting: remove them, or use an apiVersion that has them)' : '');
  }
  switch (status.code) {
    case 400:
      return /unknown field|field not declared in schema|duplicate field/.test(said)
        ? `rejected by strict field validation: ${said}; fix or remove the field (or check apiVersion), or turn validation off with sync option Validate=false`
        : `rejected by the API server: ${said}; fix the manifest`;
    case 403:
      return /\bcannot \w+ resource\b/.test(said)
        ? `forbidden: ${said}; grant the cluster identity "${verb}" on ${resourceName(resource)} with RBAC`
        : `forbidden: ${said}`;
    case 404:
      if (status.details?.kind === 'namespaces' && verb !== 'get' && verb !== 'delete') {
        return `namespace ${status.details.name ?? ''} does not exist; create it first (sync option CreateNamespace=true, or a Namespace in an earlier wave)`;
      }
      return `not found: ${said}`;
    case 409:
      return verb === 'delete' && /precondition/i.test(said)
        ? `is not the object that was meant to be deleted (${said}); left in place`
        : describeConflict(status, said);
    case 422:
      return `invalid: ${status.causes.length > 0 ? status.causes.map(formatCause).join('; ') : said}; fix the manifest`;
    default:
      return status.code === 429 || status.code >= 500
        ? `the API server could not ${verb} it (${status.code}${status.reason ? ` ${status.reason}` : ''}): ${said}; retry later`
        : `${verb} failed (${status.code}${status.reason ? ` ${status.reason}` : ''}): ${said}`;
  }
}

/**
 * Server-side apply answers 500 when the manifest does not fit the schema (unknown field, wrong type):
 * `failed to create typed patch object (ns/name; gvk): errors:\n  .spec.x: …\n  .spec.y: …`.
 */
function typedPatchErrors(message: string): string[] | undefined {
  const match = /^failed to create typed patch object \([^)]*\): ([\s\S]*)$/.exec(message);
  if (!match) return undefined;
  const detail = match[1]!.replace(/^errors:\s*/, '');
  return detail.split('\n').map((line) => line.trim()).filter(Boolean);
}

function describeConflict(status: KubeStatus, said: string): string {
  if (status.reason === 'AlreadyExists') return 'already exists; apply it instead of creating it, or choose another name';
  const owned = status.causes.filter((c) => c.reason === 'FieldManagerConflict');
  if (owned.length > 0) {
    return `fields are managed by another field manager: ${owned.map(formatCause).join('; ')}; `
      + 'apply with force to take them over, or stop the other manager from setting them';
  }
  return `changed since it was read (${said}); read it again and retry`;
}

function formatCause(cause: StatusCause): string {
  return cause.field ? `${cause.field}: ${cause.message}` : cause.message;
}

/** `deployments.apps`, `services`: how RBAC names a resource. */
function resourceName(resource: ApiResource): string {
  return resource.group ? `${resource.resource}.${resource.group}` : resource.resource;
}

/** The fields an immutability failure names, `spec.selector` etc.; empty when the failure is something else. */
function immutableFields(status: KubeStatus): string[] {
  if (status.code !== 422 && status.reason !== 'Invalid') return [];
  const isImmutable = (text: string) => immutableTexts.some((t) => text.includes(t));
  const fromCauses = status.causes.filter((c) => isImmutable(c.message)).map((c) => c.field || fieldIn(c.message) || 'a field');
  if (fromCauses.length > 0) return [...new Set(fromCauses)];
  return isImmutable(status.message) ? [fieldIn(status.message) || 'a field'] : [];
}

/** `spec.selector` out of `… spec.selector: Invalid value: …`. */
function fieldIn(message: string): string | undefined {
  return /(?:^|[\s[])([\w.[\]-]+): Invalid value:/.exec(message)?.[1];
}

/** A Secret's rejected values may be its data: keep the field and the rule, drop the value. */
function withoutValues(status: KubeStatus): KubeStatus {
  const causes = status.causes.map((c) => ({ ...c, message: c.message.replace(/^Invalid value: .*: /s, 'invalid value: ') }));
  const message = /Invalid value/.test(status.message)
    ? causes.map(formatCause).join('; ') || `${status.reason || 'invalid'} (details hidden: the object is a Secret)`
    : status.message.replace(/(expected [^,\n]+), got [^\n]*/g, '$1');
  return { ...status, message, causes };
}
