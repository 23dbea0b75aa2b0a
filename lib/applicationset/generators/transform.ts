import { GeneratorError } from '../errors.js';
import { replaceDeep } from '../fast-template.js';
import { matchesSelector, stringParams } from '../label-selector.js';
import type { ApplicationTemplate, Generator, Params } from '../types.js';
import { clustersParams } from './clusters.js';
import { combineFlat, deepMerge } from './combine.js';
import type { GeneratorContext } from './context.js';
import { gitParams } from './git.js';
import { listParams } from './list.js';

/** A generator's parameter sets and the template they fill: its own template over the ApplicationSet's. */
export interface Generated {
  params: Params[];
  template: ApplicationTemplate;
}

const emptyTemplate: ApplicationTemplate = { metadata: {}, spec: {} };

/**
 * Argo CD's Transform of one generator entry: (in a matrix) its fields rendered with the previous generator's
 * parameter set, its parameter sets generated, those its `selector` does not match (on their string values) dropped.
 */
export async function transform(generator: Generator, context: GeneratorContext, base: ApplicationTemplate, where: string, interpolate?: Params): Promise<Generated> {
  const entry = interpolate && Object.keys(interpolate).length ? await interpolated(generator, interpolate, context, where) : generator;
  const { goTemplate } = context.applicationSet;
  let params: Params[];
  let own: ApplicationTemplate | undefined;
  if (entry.list) {
    params = listParams(entry.list, goTemplate, `${where}.list`);
    own = entry.list.template;
  } else if (entry.clusters) {
    params = await clustersParams(entry.clusters, context, `${where}.clusters`);
    own = entry.clusters.template;
  } else if (entry.git) {
    params = await gitParams(entry.git, context, `${where}.git`);
    own = entry.git.template;
  } else if (entry.matrix) {
    params = await matrixParams(entry.matrix.generators, context, `${where}.matrix`);
    own = entry.matrix.template;
  } else if (entry.merge) {
    params = await mergeParams(entry.merge.generators, entry.merge.mergeKeys, context, `${where}.merge`);
    own = entry.merge.template;
  } else {
    throw new GeneratorError(`${where}: no generator set`);
  }
  if (entry.selector) params = params.filter((set) => matchesSelector(entry.selector!, stringParams(set)));
  const max = context.maxParamSets ?? 10_000;
  if (params.length > max) throw new GeneratorError(`${where}: generated ${params.length} parameter sets, over the limit of ${max}; generate fewer applications per ApplicationSet`);
  return { params, template: own ? fillTemplate(own, base) : base };
}

/** mergo.Merge(generatorTemplate, base): what the generator's template leaves empty comes from the ApplicationSet's. */
export function fillTemplate(own: ApplicationTemplate, base: ApplicationTemplate): ApplicationTemplate {
  return deepMerge(own as unknown as Params, base as unknown as Params, false) as unknown as ApplicationTemplate;
}

/** A matrix's second generator rendered with a parameter set of the first (its own template left as written). */
async function interpolated(generator: Generator, params: Params, context: GeneratorContext, where: string): Promise<Generator> {
  const templates = new Map<string, unknown>();
  const stripped = Object.fromEntries(Object.entries(generator).map(([kind, body]) => {
    if (body && typeof body === 'object' && 'template' in body) {
      const { template, ...rest } = body as Record<string, unknown>;
      templates.set(kind, template);
      return [kind, rest];
    }
    return [kind, body];
  }));
  let rendered: Record<string, unknown>;
  if (context.applicationSet.goTemplate) {
    const [result] = await context.goTemplate([{ value: stripped, params }]);
    if (!result || result.error !== undefined) throw new GeneratorError(`${where}: rendering it with the previous generator's parameters failed: ${result?.error ?? 'no answer'}`);
    rendered = result.value as Record<string, unknown>;
  } else {
    rendered = replaceDeep(stripped, params, where) as Record<string, unknown>;
  }
  for (const [kind, template] of templates) (rendered[kind] as Record<string, unknown>).template = template;
  return rendered as Generator;
}

/** Selectors of generators inside a nested matrix or merge apply only with applyNestedSelectors, as in Argo CD. */
function childEntry(child: Generator, context: GeneratorContext): Generator {
  if (context.applicationSet.applyNestedSelectors) return child;
  const inner = child.matrix ?? child.merge;
  if (!inner) return child;
  const generators = inner.generators.map(({ selector: _, ...rest }) => rest);
  return child.matrix ? { ...child, matrix: { ...child.matrix, generators } } : { ...child, merge: { ...child.merge!, generators } };
}

/** Every combination of the two generators' sets; the second is rendered with each set of the first. */
async function matrixParams(children: readonly Generator[], context: GeneratorContext, where: string): Promise<Params[]> {
  const [first, ...rest] = children;
  let sets = (await transform(childEntry(first!, context), context, emptyTemplate, `${where}.generators[0]`)).params;
  for (const [offset, child] of rest.entries()) {
    const at = `${where}.generators[${offset + 1}]`;
    const next: Params[] = [];
    for (const previous of sets) {
      for (const current of (await transform(childEntry(child, context), context, emptyTemplate, at, previous)).params) {
        next.push(context.applicationSet.goTemplate ? deepMerge(deepMerge({}, previous, false), current, false) : combineFlat(previous, current, where));
      }
    }
    sets = next;
  }
  return sets;
}

/**
 * The first generator's sets, each overridden by the set of every later generator with the same values of
 * `mergeKeys` (a later generator with two sets of one key is an error); sets of later generators matching none are
 * dropped.
 */
async function mergeParams(children: readonly Generator[], mergeKeys: readonly string[], context: GeneratorContext, where: string): Promise<Params[]> {
  const keyOf = (set: Params) => JSON.stringify(Object.fromEntries([...new Set(mergeKeys)].sort().map((key) => [key, set[key] ?? null])));
  const all = await Promise.all(children.map((child, i) => transform(childEntry(child, context), context, emptyTemplate, `${where}.generators[${i}]`)));
  let base = all[0]!.params;
  for (const [offset, { params }] of all.slice(1).entries()) {
    const byKey = new Map<string, Params>();
    for (const set of params) {
      const key = keyOf(set);
      if (byKey.has(key)) throw new GeneratorError(`${where}.generators[${offset + 1}]: two parameter sets have the same mergeKeys values ${key}; each set of a later generator must be unique by mergeKeys`);
      byKey.set(key, set);
    }
    base = base.map((set) => {
      const override = byKey.get(keyOf(set));
      if (!override) return set;
      return context.applicationSet.goTemplate ? deepMerge(set, override, true) : { ...set, ...override };
    });
  }
  return base;
}
