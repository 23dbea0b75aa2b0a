import type { Job } from '../queue/index.js';
import type { RecentAnswer } from '../sync/index.js';

/** How old a head another job of this instance resolved may be and still be used. */
export const recentHeadMs = 5000;

/** Jobs a push or a drift scan queued: they come in bursts. */
export const pushedOrScheduled = (job: Job) => job.trigger.kind === 'webhook' || job.trigger.kind === 'drift';

/**
 * Whether a job may take the head another job of this instance resolved in the last few seconds: jobs of a push
 * or drift scan, and follow-up refreshes of a rollout, arrive in bursts of many apps of one repository, and
 * one ls-remote answers them all. A person's refresh or sync asks Git now.
 */
export function sharedHead(job: Job): RecentAnswer | undefined {
  return pushedOrScheduled(job) || job.continuation ? { maxAgeMs: recentHeadMs } : undefined;
}

/**
 * The head a job compares with: a shared answer when `recent` allows one, asked again (once, and shared by the
 * jobs of its burst doing the same) when it disagrees with the commit the job was queued for.
 */
export async function headForJob(job: Job, recent: RecentAnswer | undefined, resolve: (recent?: RecentAnswer) => Promise<string>): Promise<string> {
  const asked = Date.now();
  const head = await resolve(recent);
  return recent && job.revision && head !== job.revision ? resolve({ ...recent, notBefore: asked }) : head;
}
