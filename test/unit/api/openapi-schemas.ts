import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const specPath = new URL('../../../docs/openapi.yaml', import.meta.url);

/** docs/openapi.yaml, parsed. */
export function readSpec(): any {
  return parse(readFileSync(specPath, 'utf8'));
}

/**
 * A validator for a schema of the spec's components: the components become `$defs` of one JSON Schema 2020-12
 * document (OpenAPI 3.1 schemas are JSON Schema), so responses are checked against what the docs promise.
 */
export function documentedSchema(name: string): z.ZodType {
  const spec = readSpec();
  const defs = JSON.parse(JSON.stringify(spec.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'));
  return z.fromJSONSchema({ $defs: defs, $ref: `#/$defs/${name}` });
}

/** Fails with the paths that do not match when `value` is not what the docs promise for `name`. */
export function assertDocumented(name: string, value: unknown): void {
  const result = documentedSchema(name).safeParse(value);
  if (!result.success) throw new Error(`response does not match #/components/schemas/${name}: ${z.prettifyError(result.error)}`);
}
