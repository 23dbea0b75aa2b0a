import type { Job } from '../../queue/index.js';
import { registryApp } from '../registry-app.js';
import { json } from '../responses.js';
import type { RouteContext } from '../router.js';
import type { ApiResponse } from '../types.js';

/**
 * POST /apps/{name}/unpin: lifts a rollback's pin (202). The refresh it queues clears the pin first, so an
 * automated app syncs Git's head again right away, as it would have without the rollback.
 */
export async function unpinApp({ deps, params, caller }: RouteContext): Promise<ApiResponse> {
  const app = await registryApp(deps.store, params.name ?? '');
  const job: Job = { kind: 'refresh', app: app.name, unpin: true, trigger: { kind: 'manual', by: caller?.name }, requestedAt: deps.now().toISOString() };
  const [queued] = await deps.queue.enqueueJobs([job]);
  return json(202, { queued: queued?.job ?? job });
}
