import type { Job } from '../../queue/index.js';
import { notFound } from '../errors.js';
import { parseBody } from '../parse-body.js';
import { registryApp } from '../registry-app.js';
import { rollbackRequestSchema } from '../request-schemas.js';
import { json } from '../responses.js';
import type { RouteContext } from '../router.js';
import type { ApiResponse } from '../types.js';

/** POST /apps/{name}/rollback: queues a re-sync of the revision a history entry recorded (202). */
export async function rollbackApp({ deps, params, request, caller }: RouteContext): Promise<ApiResponse> {
  const { id } = parseBody(request.body, rollbackRequestSchema);
  const app = await registryApp(deps.store, params.name ?? '');
  const entry = await deps.store.getHistory(app.name, id);
  if (!entry) throw notFound(`body.id: history entry ${id} of app ${app.name} does not exist; GET /apps/${app.name}/history lists them`);
  const job: Job = {
    kind: 'rollback',
    app: app.name,
    historyId: entry.id,
    revision: entry.revision,
    trigger: { kind: 'rollback', by: caller?.name },
    requestedAt: deps.now().toISOString(),
  };
  const [queued] = await deps.queue.enqueueJobs([job]);
  return json(202, { queued: queued?.job ?? job });
}
