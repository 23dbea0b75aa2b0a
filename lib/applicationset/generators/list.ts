import { parse } from 'yaml';
import { GeneratorError } from '../errors.js';
import type { ListGenerator, Params } from '../types.js';

/**
 * Argo CD's list generator: each element is a parameter set. For the default template every value must be a string
 * (a `values` mapping of strings becomes `values.<key>`); with goTemplate elements are used as they are. `elementsYaml`
 * adds a YAML list of elements after them.
 */
export function listParams(list: ListGenerator, goTemplate: boolean, where: string): Params[] {
  const elements = [...list.elements];
  if (list.elementsYaml !== undefined) {
    let extra: unknown;
    try {
      extra = parse(list.elementsYaml, { maxAliasCount: 100 });
    } catch (error) {
      throw new GeneratorError(`${where}.elementsYaml: not YAML: ${(error as Error).message.split('\n')[0]}`);
    }
    if (extra !== null && extra !== undefined && !Array.isArray(extra)) throw new GeneratorError(`${where}.elementsYaml: expected a YAML list of elements`);
    elements.push(...(extra ?? []) as unknown[]);
  }
  return elements.map((element, i) => {
    const at = `${where}.elements[${i}]`;
    if (element === null || typeof element !== 'object' || Array.isArray(element)) throw new GeneratorError(`${at}: expected a mapping of parameters`);
    if (goTemplate) return element as Params;
    const params: Params = {};
    for (const [key, value] of Object.entries(element)) {
      if (key === 'values') {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new GeneratorError(`${at}.values: expected a mapping of strings`);
        for (const [name, entry] of Object.entries(value)) {
          if (typeof entry !== 'string') throw new GeneratorError(`${at}.values.${name}: the default template takes strings only; put the value in quotes, or set goTemplate: true`);
          params[`values.${name}`] = entry;
        }
      } else if (typeof value !== 'string') {
        throw new GeneratorError(`${at}.${key}: the default template takes strings only; put the value in quotes, or set goTemplate: true`);
      } else {
        params[key] = value;
      }
    }
    return params;
  });
}
