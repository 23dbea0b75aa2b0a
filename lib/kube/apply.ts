import { ObjectError } from './errors.js';
import { reportWarnings, type KubeContext } from './context.js';
import { explainApiError } from './explain.js';
import { refOf } from './refs.js';
import { objectPath, targetOf } from './target.js';
import type { KubeObject } from './types.js';

/** How the API server treats fields its schema does not declare: reject, drop with a warning, or drop silently. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface ApplyOptions {
  fieldManager: string;
  /** Take over fields another manager owns instead of failing with a conflict, as GitOps tools do. */
  force: boolean;
  /** Let the server compute the result without persisting it (`dryRun=All`). */
  dryRun: boolean;
  /** Namespace for namespaced objects that name none (the Application's destination namespace). */
  namespace?: string;
  /** Strict by default so a misspelt field fails the sync rather than silently vanishing (Argo CD's Validate=false maps to Ignore). */
  fieldValidation: FieldValidation;
}

export function defaultApplyOptions(overrides: Partial<ApplyOptions> = {}): ApplyOptions {
  return { fieldManager: 'sluice', force: true, dryRun: false, fieldValidation: 'Strict', ...overrides };
}

/** Server-side apply: sends the manifest as given (every field kept) and returns the object as the server holds it. */
export async function applyObject(context: KubeContext, object: KubeObject, options: Partial<ApplyOptions> = {}): Promise<KubeObject> {
  const opts = defaultApplyOptions(options);
  if (!object.metadata.name) {
    throw new ObjectError(refOf(object), 'metadata.name is missing; server-side apply needs a name (generateName works only with create)');
  }
  const { resource, ref } = await targetOf(context, object.apiVersion, refOf(object), opts.namespace);
  const body = ref.namespace && ref.namespace !== object.metadata.namespace
    ? { ...object, metadata: { ...object.metadata, namespace: ref.namespace } }
    : object;
  try {
    const { value, warnings } = await context.transport.json<KubeObject>({
      method: 'PATCH',
      path: objectPath(resource, ref),
      query: {
        fieldManager: opts.fieldManager,
        force: opts.force || undefined,
        dryRun: opts.dryRun ? 'All' : undefined,
        fieldValidation: opts.fieldValidation,
      },
      body: JSON.stringify(body),
      contentType: 'application/apply-patch+yaml',
    });
    reportWarnings(context, ref, warnings);
    return value;
  } catch (error) {
    throw explainApiError(error, ref, 'patch', resource);
  }
}
