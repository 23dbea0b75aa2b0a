import { type KubeObject, groupOf } from '../kube/index.js';
import { isMap } from './json.js';

/** A core Secret: the only kind whose values are hidden and whose `stringData` is folded into `data`. */
export function isSecret(object: KubeObject): boolean {
  return object.kind === 'Secret' && groupOf(object.apiVersion) === '';
}

/**
 * Folds `stringData` into base64 `data`, as the API server does on write (stringData wins over data for the same
 * key), so a manifest written with stringData compares equal to the stored Secret.
 */
export function foldStringData(secret: KubeObject): void {
  const stringData = secret.stringData;
  delete secret.stringData;
  if (!isMap(stringData)) return;
  const data = isMap(secret.data) ? secret.data : {};
  for (const [key, value] of Object.entries(stringData)) {
    data[key] = Buffer.from(String(value), 'utf8').toString('base64');
  }
  secret.data = data;
}
