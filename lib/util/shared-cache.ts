/**
 * One value per key, asked for once: callers at the same time share the request (and its failure), a value is kept
 * while `fresh` says so, and a failed request is forgotten so that the next caller asks again.
 */
export class SharedCache<T> {
  readonly #entries = new Map<string, Promise<T>>();

  constructor(private readonly fresh: (value: T) => boolean = () => true) {}

  /** The cached value of `key`, else `ask()`'s; `renew` asks again whatever is cached. */
  async get(key: string, ask: () => Promise<T>, renew = false): Promise<T> {
    const cached = this.#entries.get(key);
    if (cached && !renew) {
      const value = await cached;
      if (this.fresh(value)) return value;
      const current = this.#entries.get(key);
      if (current && current !== cached) return this.get(key, ask); // another caller asked again meanwhile
    }
    const asking = ask();
    this.#entries.set(key, asking);
    asking.catch(() => { if (this.#entries.get(key) === asking) this.#entries.delete(key); });
    return asking;
  }
}
