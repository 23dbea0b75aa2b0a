import { type KubeObject, type ObjectRef, ObjectError } from '../../kube/index.js';
import { aliasedAnnotation, helmAnnotation, type AnnotationValue } from './annotations.js';

function parseInteger(ref: ObjectRef, annotation: AnnotationValue): number {
  const text = annotation.value.trim();
  const wave = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(wave)) {
    throw new ObjectError(ref, `${annotation.name} must be an integer such as -1, 0 or 5, not "${annotation.value}"`);
  }
  return wave;
}

/** `argocd.argoproj.io/sync-wave` (or `sluice.dev/sync-wave`), else Helm's `helm.sh/hook-weight` as Argo CD reads it, else 0. */
export function parseWave(object: KubeObject, ref: ObjectRef): number {
  const annotation = aliasedAnnotation(object, 'syncWave') ?? helmAnnotation(object, 'hookWeight');
  return annotation ? parseInteger(ref, annotation) : 0;
}
