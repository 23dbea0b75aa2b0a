import { posix } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { GeneratorError } from '../errors.js';
import { flattenParams, withValues } from '../params.js';
import { sanitizeName } from '../sanitize-name.js';
import type { GitGenerator, GitPathItem, Params } from '../types.js';
import type { GeneratorContext } from './context.js';
import { globRegExp } from './path-glob.js';

/**
 * Argo CD's git generator. `directories`: every directory a non-exclude path matches and no exclude path does (Go's
 * path.Match), with `path`, `path.basename`, `path.basenameNormalized` and `path[n]` (goTemplate: `path.path`,
 * `path.basename`, `path.basenameNormalized`, `path.segments`). `files`: every JSON/YAML file an include pattern
 * matches and no exclude pattern does, in path order; a file holding a list gives one set per entry; its keys
 * flattened (`a.b`) for the default template and kept nested for goTemplate, plus `path` (its directory),
 * `path.filename`, `path.filenameNormalized`. `pathParamPrefix` prefixes the path parameters. Then `values`.
 */
export async function gitParams(generator: GitGenerator, context: GeneratorContext, where: string): Promise<Params[]> {
  const { goTemplate } = context.applicationSet;
  const sets = generator.directories.length
    ? await directoryParams(generator, context, where)
    : await fileParams(generator, context, where);
  return withValues(sets, generator.values, goTemplate ? context.goTemplate : undefined, where);
}

function matchers(items: readonly GitPathItem[], greedy: boolean, where: string, field: string): { regex: RegExp; exclude: boolean }[] {
  return items.map((item, i) => {
    const regex = globRegExp(item.path, greedy);
    if (!regex) throw new GeneratorError(`${where}.${field}[${i}].path: ${JSON.stringify(item.path)} is not a valid pattern (an unclosed "[" or a trailing "\\")`);
    return { regex, exclude: item.exclude };
  });
}

async function directoryParams(generator: GitGenerator, context: GeneratorContext, where: string): Promise<Params[]> {
  const patterns = matchers(generator.directories, false, where, 'directories');
  const all = await context.git.directories(generator.repoURL, generator.revision);
  const chosen = all.filter((dir) => patterns.some((p) => !p.exclude && p.regex.test(dir)) && !patterns.some((p) => p.exclude && p.regex.test(dir)));
  return chosen.map((dir) => pathParams(generator, context.applicationSet.goTemplate, dir));
}

function pathParams(generator: GitGenerator, goTemplate: boolean, dir: string, file?: string): Params {
  const prefix = generator.pathParamPrefix;
  if (goTemplate) {
    const path: Params = {
      path: dir, basename: posix.basename(dir), basenameNormalized: sanitizeName(posix.basename(dir)), segments: dir.split('/'),
      ...(file !== undefined ? { filename: posix.basename(file), filenameNormalized: sanitizeName(posix.basename(file)) } : {}),
    };
    return prefix ? { [prefix]: { path } } : { path };
  }
  const name = prefix ? `${prefix}.path` : 'path';
  const params: Params = { [name]: dir, [`${name}.basename`]: posix.basename(dir), [`${name}.basenameNormalized`]: sanitizeName(posix.basename(dir)) };
  if (file !== undefined) {
    params[`${name}.filename`] = posix.basename(file);
    params[`${name}.filenameNormalized`] = sanitizeName(posix.basename(file));
  }
  dir.split('/').forEach((segment, i) => {
    if (segment) params[`${name}[${i}]`] = segment;
  });
  return params;
}

async function fileParams(generator: GitGenerator, context: GeneratorContext, where: string): Promise<Params[]> {
  const patterns = matchers(generator.files, true, where, 'files');
  const { goTemplate } = context.applicationSet;
  const files = (await context.git.files(generator.repoURL, generator.revision))
    .filter((file) => patterns.some((p) => !p.exclude && p.regex.test(file.path)) && !patterns.some((p) => p.exclude && p.regex.test(file.path)))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const sets: Params[] = [];
  for (const file of files) {
    for (const object of readObjects(await file.read(), `${where}: ${generator.repoURL} file ${file.path}`)) {
      const dir = posix.dirname(file.path);
      const path = pathParams(generator, goTemplate, dir, file.path);
      sets.push(goTemplate ? { ...object, ...path } : { ...flattenParams(object), ...path });
    }
  }
  return sets;
}

/** A file of parameters: one mapping, or a list of mappings (JSON or YAML; an empty file is one empty set). */
function readObjects(text: string, where: string): Record<string, unknown>[] {
  if (parseAllDocuments(text).length > 1) throw new GeneratorError(`${where}: holds more than one YAML document; put one mapping (or one list of mappings) in the file`);
  let value: unknown;
  try {
    value = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new GeneratorError(`${where}: unable to parse file: ${(error as Error).message.split('\n')[0]}`);
  }
  if (value === null || value === undefined) return [{}];
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry, i) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new GeneratorError(`${where}: ${Array.isArray(value) ? `entry ${i} is` : 'is'} not a mapping of parameters`);
    return entry as Record<string, unknown>;
  });
}
