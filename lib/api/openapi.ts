import document from './generated/openapi.json' with { type: 'json' };

/**
 * docs/openapi.yaml as served at GET /openapi.json. The JSON copy is bundled (a YAML file would not be);
 * test/unit/api/openapi.test.ts fails when the two differ and prints the command that regenerates it.
 */
export const openApiDocument: unknown = document;
