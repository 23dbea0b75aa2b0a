import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handleApiRequest, openApiDocument } from '../../../lib/api/index.js';
import { statusRoutes as apiRoutes } from '../../../lib/status-function/index.js';
import { bodyOf, memoryDeps, request } from './memory-deps.js';
import { readSpec } from './openapi-schemas.js';

const regenerate = `node --input-type=module -e "import { parse } from 'yaml'; import fs from 'node:fs'; fs.writeFileSync('lib/api/generated/openapi.json', JSON.stringify(parse(fs.readFileSync('docs/openapi.yaml', 'utf8')), null, 2) + '\\n')"`;

describe('OpenAPI document', () => {
  it('is docs/openapi.yaml, as bundled for GET /openapi.json', () => {
    assert.deepEqual(openApiDocument, readSpec(), `lib/api/generated/openapi.json is stale; regenerate it from the repo root with:\n${regenerate}`);
  });

  it('is OpenAPI 3.1', () => {
    assert.match(readSpec().openapi, /^3\.1\./);
  });

  it('documents every route with its method and role, and nothing else', () => {
    const documented = Object.entries(readSpec().paths as Record<string, Record<string, { 'x-sluice-role': string }>>)
      .flatMap(([path, item]) => ['get', 'post', 'put', 'patch', 'delete'].filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path} ${item[method]?.['x-sluice-role']}`))
      .sort();
    const routed = apiRoutes.map((route) => `${route.method} ${route.pattern} ${route.access}`).sort();
    assert.deepEqual(documented, routed);
  });

  it('asks for no token exactly on the public routes', () => {
    const spec = readSpec();
    for (const route of apiRoutes) {
      const operation = spec.paths[route.pattern][route.method.toLowerCase()];
      assert.equal(operation.security?.length === 0, route.access === 'public', `${route.method} ${route.pattern}`);
    }
  });

  it('is served at GET /openapi.json', async () => {
    const response = await handleApiRequest(request('GET', '/openapi.json'), memoryDeps());
    assert.equal(response.status, 200);
    assert.deepEqual(bodyOf(response), readSpec());
  });
});
