import { describeApp } from '../app-detail.js';
import { registryApp } from '../registry-app.js';
import { json } from '../responses.js';
import type { RouteContext } from '../router.js';
import type { ApiResponse } from '../types.js';

/** GET /apps/{name} */
export async function getApp({ deps, params }: RouteContext): Promise<ApiResponse> {
  const name = params.name ?? '';
  const [app, status] = await Promise.all([registryApp(deps.store, name), deps.store.getAppStatus(name)]);
  return json(200, describeApp(app, status));
}
