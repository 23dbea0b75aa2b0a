/** A reload that would remove more than this many apps, and more than half of them, deletes none. */
export const massDeletionMinimum = 2;

export interface RemovalInput {
  /** How many apps were in force before the reload (those held back included). */
  before: number;
  /** Apps the config repo no longer declares, newly at this reload. */
  gone: readonly string[];
  /** Apps the guard held back at an earlier reload that the config repo still lacks. */
  held: readonly string[];
  /** Apps a person confirmed should be deleted (`sluice app delete`). */
  confirmed: ReadonlySet<string>;
}

export interface RemovalPlan {
  /** To delete now. */
  remove: string[];
  /** To keep in force on their last definition until confirmed or back. */
  hold: string[];
  /** This reload is the one that tripped the guard. */
  tripped: boolean;
}

/**
 * The mass-deletion guard: an emptied or broken config repo must not delete a fleet. When a reload would remove more
 * than `massDeletionMinimum` apps and more than half of those in force, none of them is deleted: they are held on their
 * last definition. Held apps stay held (a later, smaller removal does not release them) until a person confirms each
 * one, or it comes back. Confirmed apps are deleted whatever the counts.
 */
export function planRemovals(input: RemovalInput): RemovalPlan {
  const unconfirmed = input.gone.filter((app) => !input.confirmed.has(app));
  const tripped = unconfirmed.length > massDeletionMinimum && unconfirmed.length * 2 > input.before;
  const confirmed = [...input.gone, ...input.held].filter((app) => input.confirmed.has(app));
  const stillHeld = input.held.filter((app) => !input.confirmed.has(app));
  return {
    remove: [...new Set([...confirmed, ...(tripped ? [] : unconfirmed)])].sort(),
    hold: [...new Set([...stillHeld, ...(tripped ? unconfirmed : [])])].sort(),
    tripped,
  };
}

/** What the registry says while apps are held: how many, which, and how to go on. */
export function guardMessage(held: readonly string[], before: number, revision: string, tripped: boolean): string {
  const names = `${held.slice(0, 10).join(', ')}${held.length > 10 ? `, … (${held.length} in all)` : ''}`;
  const what = tripped
    ? `the config repo at ${revision} removes ${held.length} of ${before} applications at once (${names})`
    : `${held.length} application(s) removed from the config repo are still held back (${names})`;
  return `${what}; nothing was deleted: the mass-deletion guard keeps them on their last definition, as an emptied or broken config repo would otherwise delete the fleet. `
    + 'Restore them in the config repo, or confirm each deliberate deletion with `sluice app delete <name>` (POST /apps/{name}/delete)';
}
