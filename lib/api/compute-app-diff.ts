import { isChildObject } from '../model/index.js';
import { diffApp, renderRevision } from '../sync/index.js';
import { appContext, inventoryOf, type WorkerDeps } from '../worker/index.js';
import type { RevisionDiff } from './types.js';

export type AppDiffDeps = Pick<WorkerDeps, 'registry' | 'clusters' | 'render' | 'store'>;

/**
 * The live diff of an app as a refresh job computes it, without recording anything: render `revision` (else the
 * head of the app's targetRevision) and compare with the cluster. Wires `ApiDeps.diff` from the worker's parts.
 */
export async function computeAppDiff(deps: AppDiffDeps, name: string, options: { revision?: string } = {}): Promise<RevisionDiff> {
  const { app, project, settings } = await appContext(deps, name);
  const [cluster, status] = await Promise.all([deps.clusters.resolve(app.destination), deps.store.getAppStatus(app.name)]);
  const rendered = await renderRevision(app, { cacheDir: deps.render.cacheDir, tools: deps.render.tools, artifacts: deps.render.artifacts, credentials: deps.render.gitAuth, project, revision: options.revision,
    capabilities: () => deps.clusters.withClient(cluster, (client) => client.capabilities()) });
  const diff = await deps.clusters.withClient(cluster, (client) => diffApp({ app, project, cluster, client, inventory: inventoryOf(status), settings },
    // An app of apps' child Applications are compared by its refresh, with the registry; they never reach a cluster.
    rendered.manifests.filter((manifest) => !isChildObject(manifest.object))));
  return { ...diff, revision: rendered.revision };
}
