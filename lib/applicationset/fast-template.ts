import { TemplateError } from './errors.js';
import type { Params } from './types.js';

/** Argo CD renders a string only when some line holds `{{…}}`. */
const templated = /\{\{.*\}\}/;

/**
 * Argo CD's default templating (fasttemplate with `{{` and `}}`): each `{{tag}}` whose trimmed tag names a string
 * parameter is replaced by it (`{{ name }}` works like `{{name}}`); any other tag is left exactly as written. A `{{`
 * without a closing `}}` after a rendered tag is an error, as in Argo CD.
 */
export function replaceParams(text: string, params: Readonly<Params>, where: string): string {
  if (!templated.test(text)) return text;
  let out = '';
  let rest = text;
  for (;;) {
    const start = rest.indexOf('{{');
    if (start < 0) return out + rest;
    const end = rest.indexOf('}}', start + 2);
    if (end < 0) throw new TemplateError(`${where}: invalid template ${JSON.stringify(text)}: "{{" at offset ${text.length - rest.length + start} is never closed with "}}"`);
    const tag = rest.slice(start + 2, end);
    const name = tag.trim();
    const value = name ? params[name] : undefined;
    out += rest.slice(0, start) + (typeof value === 'string' ? value : `{{${tag}}}`);
    rest = rest.slice(end + 2);
  }
}

/** Renders every string and every mapping key of a JSON value with replaceParams, as Argo CD walks a template. */
export function replaceDeep(value: unknown, params: Readonly<Params>, path = ''): unknown {
  if (typeof value === 'string') return replaceParams(value, params, path || 'template');
  if (Array.isArray(value)) return value.map((entry, i) => replaceDeep(entry, params, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      out[replaceParams(key, params, field)] = replaceDeep(entry, params, field);
    }
    return out;
  }
  return value;
}
