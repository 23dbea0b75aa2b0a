import { capDiffView, pickResource } from '../cap-diff.js';
import { notFound } from '../errors.js';
import { liveDiff } from '../live-diff.js';
import { registryApp } from '../registry-app.js';
import { json } from '../responses.js';
import type { RouteContext } from '../router.js';
import type { ApiResponse } from '../types.js';

/**
 * GET /apps/{name}/diff: Git's head of targetRevision against the live cluster, within Lambda's response limit
 * (larger diffs leave the longest texts out); `?resource=group/Kind/namespace/name` answers one object.
 */
export async function getDiff({ deps, params, request }: RouteContext): Promise<ApiResponse> {
  const app = await registryApp(deps.store, params.name ?? '');
  const diff = await liveDiff(deps, app.name);
  const resource = request.query.resource;
  if (resource === undefined) return json(200, capDiffView(diff));
  const picked = pickResource(diff, resource);
  if (!picked) throw notFound(`app ${app.name}: resource=${JSON.stringify(resource.slice(0, 200))} names no object of its diff; use group/Kind/namespace/name as the diff lists them`);
  return json(200, capDiffView(picked));
}
