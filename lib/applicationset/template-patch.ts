import { parse } from 'yaml';
import { TemplateError } from './errors.js';

/**
 * Applies a rendered templatePatch to a generated Application. Argo CD uses a strategic merge patch on the Application
 * type, which has no merge keys: mappings merge key by key, lists and scalars replace, and `null` removes a field —
 * what this does.
 */
export function applyTemplatePatch(application: Record<string, unknown>, renderedPatch: string, where: string): Record<string, unknown> {
  let patch: unknown;
  try {
    patch = parse(renderedPatch, { maxAliasCount: 100 });
  } catch (error) {
    throw new TemplateError(`${where}: templatePatch did not render to YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (patch === null || patch === undefined) return application;
  if (typeof patch !== 'object' || Array.isArray(patch)) throw new TemplateError(`${where}: templatePatch must render to a mapping (fields of an Application, e.g. spec:), got ${Array.isArray(patch) ? 'a list' : typeof patch}`);
  return mergePatch(application, patch as Record<string, unknown>) as Record<string, unknown>;
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}
