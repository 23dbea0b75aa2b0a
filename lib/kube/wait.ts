import { setTimeout as sleep } from 'node:timers/promises';
import { ObjectError } from './errors.js';
import type { KubeContext } from './context.js';
import { getObject } from './get.js';
import type { VersionedRef } from './target.js';
import type { KubeObject } from './types.js';

export interface WaitOptions {
  timeoutMs: number;
  intervalMs: number;
  /** What is awaited, for the timeout message: `become Established`. */
  description: string;
}

export function defaultWaitOptions(overrides: Partial<WaitOptions> = {}): WaitOptions {
  return { timeoutMs: 60_000, intervalMs: 1000, description: 'reach the expected state', ...overrides };
}

/**
 * Polls the object until `predicate` holds and returns what it last read (undefined once absent, so
 * `(o) => o === undefined` waits for deletion). Times out with an error naming the object.
 */
export async function waitForObject(
  context: KubeContext,
  target: VersionedRef,
  predicate: (object: KubeObject | undefined) => boolean,
  options: Partial<WaitOptions> = {},
): Promise<KubeObject | undefined> {
  const opts = defaultWaitOptions(options);
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    const object = await getObject(context, target);
    if (predicate(object)) return object;
    if (Date.now() + opts.intervalMs > deadline) {
      throw new ObjectError(target, `did not ${opts.description} within ${opts.timeoutMs / 1000} s`);
    }
    await sleep(opts.intervalMs);
  }
}
