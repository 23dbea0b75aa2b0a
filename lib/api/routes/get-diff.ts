import { liveDiff } from '../live-diff.js';
import { registryApp } from '../registry-app.js';
import { json } from '../responses.js';
import type { RouteContext } from '../router.js';
import type { ApiResponse } from '../types.js';

/** GET /apps/{name}/diff: Git's head of targetRevision against the live cluster. */
export async function getDiff({ deps, params }: RouteContext): Promise<ApiResponse> {
  const app = await registryApp(deps.store, params.name ?? '');
  return json(200, await liveDiff(deps, app.name));
}
