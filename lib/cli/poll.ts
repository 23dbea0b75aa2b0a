import { setTimeout as sleep } from 'node:timers/promises';
import type { Progress } from './output/progress.js';

export type PollResult<T> = { done: true; value: T } | { done: false; state: string };

export interface PollOptions {
  /** 0 waits as long as it takes. */
  timeoutMs: number;
  intervalMs: number;
  progress: Progress;
  /** The error for a timeout, given the last state seen. */
  onTimeout: (lastState: string) => Error;
}

/** Calls `check` until it is done, showing its state as progress; the last call is made at the deadline. */
export async function poll<T>(check: () => Promise<PollResult<T>>, options: PollOptions): Promise<T> {
  const deadline = options.timeoutMs > 0 ? Date.now() + options.timeoutMs : Infinity;
  try {
    for (;;) {
      const result = await check();
      if (result.done) return result.value;
      options.progress.update(result.state);
      const left = deadline - Date.now();
      if (left <= 0) throw options.onTimeout(result.state);
      await sleep(Math.min(options.intervalMs, left));
    }
  } finally {
    options.progress.stop();
  }
}
