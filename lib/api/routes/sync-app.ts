import type { Job } from '../../queue/index.js';
import { capDiffView } from '../cap-diff.js';
import { liveDiff } from '../live-diff.js';
import { parseBody } from '../parse-body.js';
import { registryApp } from '../registry-app.js';
import { syncRequestSchema } from '../request-schemas.js';
import { json } from '../responses.js';
import type { RouteContext } from '../router.js';
import type { ApiResponse } from '../types.js';

/**
 * POST /apps/{name}/sync: queues a manual sync (202). With `dryRun` nothing is queued: the answer (200) is the
 * job that would be queued and the live diff at that revision.
 */
export async function syncApp({ deps, params, request, caller }: RouteContext): Promise<ApiResponse> {
  const body = parseBody(request.body, syncRequestSchema);
  const app = await registryApp(deps.store, params.name ?? '');
  const job: Job = {
    kind: 'sync',
    app: app.name,
    ...(body.revision ? { revision: body.revision } : {}),
    ...(body.prune !== undefined ? { prune: body.prune } : {}),
    trigger: { kind: 'manual', by: caller?.name },
    requestedAt: deps.now().toISOString(),
  };
  if (body.dryRun) return json(200, { dryRun: true, job, diff: capDiffView(await liveDiff(deps, app.name, body.revision)) });
  const [queued] = await deps.queue.enqueueJobs([job]);
  return json(202, { queued: queued?.job ?? job });
}
