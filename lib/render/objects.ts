import type { KubeObject } from '../kube/index.js';
import { RenderError } from './errors.js';
import type { Manifest, ManifestSource } from './types.js';

export function describeSource(source: ManifestSource): string {
  return source.line === undefined ? source.file : `${source.file}:${source.line}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** True for a mapping that names any of apiVersion, kind or metadata, i.e. one meant as a Kubernetes object. */
export function looksLikeObject(value: unknown): boolean {
  return isRecord(value) && ('apiVersion' in value || 'kind' in value || 'metadata' in value);
}

/** `kind: List` (or any `…List` with an items array), whose items are applied one by one as Argo CD does. */
function listItems(value: Record<string, unknown>): unknown[] | undefined {
  if (!nonEmptyString(value.kind) || !value.kind.endsWith('List') || !('items' in value)) return undefined;
  if (value.items === null) return [];
  return Array.isArray(value.items) ? value.items : undefined;
}

function missingField(value: Record<string, unknown>): string | undefined {
  if (!nonEmptyString(value.apiVersion)) return 'apiVersion';
  if (!nonEmptyString(value.kind)) return 'kind';
  if (!isRecord(value.metadata)) return 'metadata';
  if (!nonEmptyString(value.metadata.name) && !nonEmptyString(value.metadata.generateName)) return 'metadata.name';
  return undefined;
}

/**
 * Checks one parsed document and returns it as manifests: none when empty, its items when it is a List,
 * else itself. `itemLines` gives each List item its own line when the parser knows it.
 */
export function toManifests(value: unknown, source: ManifestSource, itemLines: readonly (number | undefined)[] = []): Manifest[] {
  if (value === null || value === undefined) return [];
  if (!isRecord(value)) {
    const found = Array.isArray(value) ? 'a sequence' : `a ${typeof value}`;
    throw new RenderError(`${describeSource(source)}: expected a Kubernetes object (a mapping), found ${found}`);
  }
  const items = listItems(value);
  if (items) {
    return items.flatMap((item, i) => toManifests(item, { ...source, ...(itemLines[i] !== undefined ? { line: itemLines[i] } : {}) }));
  }
  const missing = missingField(value);
  if (missing) {
    throw new RenderError(`${describeSource(source)}: the object has no ${missing}; every object needs apiVersion, kind ` +
      'and metadata.name (or metadata.generateName)');
  }
  return [{ object: value as KubeObject, source }];
}
