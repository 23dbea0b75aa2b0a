import { GeneratorError } from '../errors.js';
import type { Params } from '../types.js';

const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * mergo.Merge as Argo CD calls it on parameter sets: keys of `into` are kept (or, with `override`, replaced by
 * `from`'s), mappings on both sides merge key by key, and keys only `from` has are added.
 */
export function deepMerge(into: Params, from: Params, override: boolean): Params {
  const out: Params = { ...into };
  for (const [key, value] of Object.entries(from)) {
    const current = out[key];
    if (isMapping(current) && isMapping(value)) out[key] = deepMerge(current, value, override);
    else if (current === undefined || current === null || current === '' || (override && value !== undefined && value !== null && value !== '')) out[key] = value;
  }
  return out;
}

/** Argo CD's CombineStringMaps: the union of two flat sets; one key with two values is an error. */
export function combineFlat(a: Params, b: Params, where: string): Params {
  for (const [key, value] of Object.entries(b)) {
    if (Object.hasOwn(a, key) && a[key] !== value) {
      throw new GeneratorError(`${where}: both generators set parameter "${key}", to ${JSON.stringify(a[key])} and ${JSON.stringify(value)}; rename one (pathParamPrefix for git generators) or use goTemplate`);
    }
  }
  return { ...a, ...b };
}
