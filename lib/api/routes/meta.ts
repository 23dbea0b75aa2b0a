import { version } from '../../version.js';
import { openApiDocument } from '../openapi.js';
import { json } from '../responses.js';
import type { ApiResponse } from '../types.js';

/** GET /healthz */
export async function healthz(): Promise<ApiResponse> {
  return json(200, { ok: true, version });
}

/** GET /openapi.json: the API's description (docs/openapi.yaml). */
export async function openApi(): Promise<ApiResponse> {
  return json(200, openApiDocument);
}
