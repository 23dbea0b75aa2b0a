import type { RegistrySnapshot } from './types.js';

/**
 * The registry as workers read it: `getRegistry(previous)` costs one small read when nothing changed, but a batch
 * of ten jobs asked ten times. Jobs received before a moment `since` share one check begun at or after it: a
 * reload puts the registry before it queues the jobs that need it, so such a check cannot miss what they need.
 */
export class RegistryChecks {
  readonly #read: (previous?: RegistrySnapshot) => Promise<RegistrySnapshot | undefined>;
  readonly #now: () => number;
  #latest: RegistrySnapshot | undefined;
  #check: { startedAt: number; result: Promise<RegistrySnapshot | undefined> } | undefined;

  constructor(read: (previous?: RegistrySnapshot) => Promise<RegistrySnapshot | undefined>, now: () => number = Date.now) {
    this.#read = read;
    this.#now = now;
  }

  /** The snapshot the last check found (cluster records for clients between checks). */
  get latest(): RegistrySnapshot | undefined {
    return this.#latest;
  }

  /** The registry as a check begun at or after `since` (default: now, a check of its own) found it. */
  read(since: number = this.#now()): Promise<RegistrySnapshot | undefined> {
    if (this.#check && this.#check.startedAt >= since) return this.#check.result;
    const check = { startedAt: this.#now(), result: this.#read(this.#latest).then((snapshot) => (this.#latest = snapshot)) };
    this.#check = check;
    // A failed check is not shared with later callers: they ask again.
    check.result.catch(() => { if (this.#check === check) this.#check = undefined; });
    return check.result;
  }
}
