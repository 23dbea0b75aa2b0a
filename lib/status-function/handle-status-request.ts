import { defaultApiOptions, handleApiRequest, type ApiDeps, type ApiOptions, type ApiRequest, type ApiResponse } from '../api/index.js';
import { statusRoutes } from './routes.js';

/** One request to the status function: the status API, Slack or a status page, by path. */
export function handleStatusRequest(request: ApiRequest, deps: ApiDeps, options: ApiOptions = defaultApiOptions()): Promise<ApiResponse> {
  return handleApiRequest(request, deps, options, statusRoutes);
}
