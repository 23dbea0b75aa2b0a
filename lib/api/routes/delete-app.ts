import type { DeleteOptions, Job } from '../../queue/index.js';
import { conflict } from '../errors.js';
import { missingApp } from '../known-app.js';
import { parseBody } from '../parse-body.js';
import { deleteRequestSchema } from '../request-schemas.js';
import { json } from '../responses.js';
import type { RouteContext } from '../router.js';
import type { ApiResponse } from '../types.js';

/**
 * POST /apps/{name}/delete (202): deletes an app that left the config repo. For an app the mass-deletion guard holds,
 * this is the confirmation: a registry reload is queued that lets it go (if the config repo still lacks it). For an
 * app being deleted, a new attempt is queued now (after a failed hook, say), with `skipHooks` or `cascade: false` to
 * get past what stops it. An app the config repo declares is refused (409): remove it there.
 */
export async function deleteApp({ deps, params, request, caller }: RouteContext): Promise<ApiResponse> {
  const body = parseBody(request.body, deleteRequestSchema);
  const name = params.name ?? '';
  const options: DeleteOptions = { ...(body.skipHooks ? { skipHooks: true } : {}), ...(body.cascade === false ? { cascade: false } : {}) };
  const common = { trigger: { kind: 'manual' as const, by: caller?.name }, requestedAt: deps.now().toISOString(), ...(Object.keys(options).length ? { deleteOptions: options } : {}) };
  const snapshot = await deps.store.getRegistry();
  let job: Job | undefined;
  if (snapshot?.heldApps?.includes(name)) job = { kind: 'reload-registry', confirmDeletion: [name], ...common };
  else if (snapshot?.applications.some((app) => app.name === name)) {
    const parent = snapshot.applications.find((app) => app.name === name)?.parent;
    if (parent) throw conflict(`app ${name} is a child of ${parent.kind} ${parent.name}; Sluice deletes it when it leaves that ${parent.kind === 'Application' ? 'app\'s render' : 'ApplicationSet\'s output'}: remove it there and push`);
    const file = snapshot.files?.[`Application/${name}`];
    throw conflict(`app ${name} is declared in the config repo${file ? ` (${file})` : ''}; Sluice deletes an app when it leaves the config repo: remove it there and push`);
  } else if ((await deps.store.getAppStatus(name))?.deletion) job = { kind: 'delete', app: name, ...common };
  if (!job) throw await missingApp(deps.store, name);
  const [queued] = await deps.queue.enqueueJobs([job]);
  return json(202, { queued: queued?.job ?? job });
}
