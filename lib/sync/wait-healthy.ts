import { setTimeout as sleep } from 'node:timers/promises';
import { assessHealth, type CustomHealth } from '../health/index.js';
import { type KubeClient, formatRef, versionedRefOf, type KubeObject } from '../kube/index.js';
import { mapLimit } from '../util/index.js';

export interface WaveHealth {
  healthy: boolean;
  /** The objects as last seen, in input order. */
  latest: (KubeObject | undefined)[];
  message?: string;
}

/**
 * Waits until every object is Healthy or Suspended (objects without a health rule count as ready), as
 * Argo CD waits between waves. A Degraded object ends the wait at once; so does the timeout. `custom`: the argocd-cm's
 * health scripts.
 */
export async function waitHealthy(client: KubeClient, objects: KubeObject[], timeoutMs: number, pollIntervalMs: number, custom?: CustomHealth): Promise<WaveHealth> {
  const deadline = Date.now() + timeoutMs;
  const latest: (KubeObject | undefined)[] = new Array(objects.length);
  // Only objects not ready yet are read again: a wave waiting on one of its objects costs one GET a poll.
  let unready = objects.map((_, index) => index);
  for (;;) {
    const read = await mapLimit(unready, 16, (index) => client.get(versionedRefOf(objects[index]!)));
    unready.forEach((index, i) => { latest[index] = read[i]; });
    const pending: string[] = [];
    const stillUnready: number[] = [];
    for (const index of unready) {
      const health = assessHealth(latest[index], custom);
      const name = formatRef(versionedRefOf(objects[index]!));
      if (health?.status === 'Degraded') return { healthy: false, latest, message: `${name}: Degraded${health.message ? `: ${health.message}` : ''}` };
      if (health && health.status !== 'Healthy' && health.status !== 'Suspended') {
        pending.push(`${name} (${health.status}${health.message ? `: ${health.message}` : ''})`);
        stillUnready.push(index);
      }
    }
    unready = stillUnready;
    if (pending.length === 0) return { healthy: true, latest };
    if (Date.now() >= deadline) {
      return { healthy: false, latest, message: `not healthy after ${Math.round(timeoutMs / 1000)} s: ${pending.slice(0, 5).join('; ')}${pending.length > 5 ? ` and ${pending.length - 5} more` : ''}` };
    }
    await sleep(pollIntervalMs);
  }
}
