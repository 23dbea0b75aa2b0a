import { type CustomHealth, type Health, assessHealth } from '../../health/index.js';
import { type KubeClient, type ObjectRef, refKey } from '../../kube/index.js';
import { mapLimit } from '../../util/index.js';

export interface LiveResource {
  apiVersion: string;
  health: Health | undefined;
}

/** Each object's preferred apiVersion and live health (`custom`: argocd-cm scripts), by refKey: one discovery, then one GET per object. */
export async function readLiveResources(client: KubeClient, refs: readonly ObjectRef[], custom?: CustomHealth): Promise<Map<string, LiveResource>> {
  const versions = new Map((await client.listableResources()).map((r) => [`${r.group}/${r.kind}`, r.group ? `${r.group}/${r.version}` : r.version]));
  const found = await mapLimit(refs, 8, async (ref): Promise<[string, LiveResource]> => {
    const apiVersion = versions.get(`${ref.group}/${ref.kind}`) ?? '';
    if (!apiVersion) return [refKey(ref), { apiVersion, health: { status: 'Missing', message: 'the cluster does not serve this kind' } }];
    try {
      return [refKey(ref), { apiVersion, health: assessHealth(await client.get({ ...ref, apiVersion }), custom) }];
    } catch (error) {
      return [refKey(ref), { apiVersion, health: { status: 'Unknown', message: (error as Error).message } }];
    }
  });
  return new Map(found);
}
