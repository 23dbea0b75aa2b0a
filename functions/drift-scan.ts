import type { Context, ScheduledEvent } from 'aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { buildWorkerDeps, runtimeConfigFromEnv } from '../lib/runtime/index.js';
import { scheduleRefreshes, type WorkerDeps } from '../lib/worker/index.js';

const logger = new Logger();
let deps: WorkerDeps | undefined;

/** Scheduled drift scan: one refresh job per app; the workers compare Git and the cluster. */
export async function handler(_event: ScheduledEvent, context: Context): Promise<{ queued: number }> {
  logger.addContext(context);
  deps ??= buildWorkerDeps(runtimeConfigFromEnv());
  const queued = await scheduleRefreshes(deps);
  logger.info('drift scan queued refresh jobs', { queued });
  return { queued };
}
