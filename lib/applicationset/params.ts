import { replaceParams } from './fast-template.js';
import type { GoTemplateResult } from './go-template.js';
import type { Params } from './types.js';

/** How a parameter reads in the default template: Go's `%v` of what JSON/YAML decoding gave (numbers as float64). */
export function goString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'number') return goFloat(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goString).join(' ')}]`;
  return `map[${Object.keys(value).sort().map((key) => `${key}:${goString((value as Record<string, unknown>)[key])}`).join(' ')}]`;
}

/** Go's `%v` of a float64: shortest digits, in exponent form when the exponent is below -4 or 6 and above. */
function goFloat(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa, exponentText] = n.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  return String(n);
}

/**
 * Flattens nested values into dotted keys for the default template (`a.b`, a list's entries as `a.0`, `a.1`), each
 * value as Go's `%v` prints it — what Argo CD's git files generator does with a file's content.
 */
export function flattenParams(value: Readonly<Record<string, unknown>>, prefix = ''): Params {
  const out: Params = {};
  for (const [key, entry] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (entry !== null && typeof entry === 'object' && (Array.isArray(entry) ? entry.length > 0 : Object.keys(entry).length > 0)) {
      const nested = Array.isArray(entry) ? Object.fromEntries(entry.map((item, i) => [String(i), item])) : entry as Record<string, unknown>;
      Object.assign(out, flattenParams(nested, name));
    } else {
      out[name] = goString(entry);
    }
  }
  return out;
}

/**
 * Adds a generator's `values` to each of its parameter sets, each value rendered with that set first: `values.<key>`
 * for the default template, `values: {<key>: …}` for goTemplate (rendered by `goTemplate`).
 */
export async function withValues(sets: Params[], values: Readonly<Record<string, string>>, goTemplate: ((items: { value: unknown; params: Params }[]) => Promise<GoTemplateResult[]>) | undefined, where: string): Promise<Params[]> {
  if (Object.keys(values).length === 0) return sets;
  if (!goTemplate) {
    return sets.map((params) => ({ ...params, ...Object.fromEntries(Object.entries(values).map(([key, text]) => [`values.${key}`, replaceParams(text, params, `${where}.values.${key}`)])) }));
  }
  const rendered = await goTemplate(sets.map((params) => ({ value: values, params })));
  return sets.map((params, i) => {
    const result = rendered[i]!;
    if (result.error !== undefined) throw new Error(`${where}.values: ${result.error}`);
    return { ...params, values: result.value };
  });
}
