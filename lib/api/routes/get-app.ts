import { describeApp } from '../app-detail.js';
import { knownApp } from '../known-app.js';
import { json } from '../responses.js';
import type { RouteContext } from '../router.js';
import type { ApiResponse } from '../types.js';

/** GET /apps/{name}: an app of the registry, or one being deleted (its `deletion` says how far). */
export async function getApp({ deps, params }: RouteContext): Promise<ApiResponse> {
  const { app, status } = await knownApp(deps.store, params.name ?? '');
  return json(200, describeApp(app, status));
}
