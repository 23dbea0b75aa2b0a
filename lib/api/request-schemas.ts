import { z } from 'zod';
import { badRequest } from './errors.js';

const boolean = () => z.boolean({ error: 'must be true or false' });

/** POST /apps/{name}/sync */
export const syncRequestSchema = z.strictObject({
  revision: z.string({ error: 'must be a string' })
    .regex(/^[0-9a-f]{40}(?:,[0-9a-f]{40})*$/, "must be a full 40-character commit sha in lower-case hex (a multi-source app: one per source, comma-separated in spec.sources order); leave it out to sync the head of the app's targetRevision")
    .optional(),
  prune: boolean().optional(),
  dryRun: boolean().optional(),
});

/** POST /apps/{name}/rollback */
export const rollbackRequestSchema = z.strictObject({
  id: z.string({ error: (issue) => (issue.input === undefined ? 'required: the id of the history entry to roll back to; GET /apps/{name}/history lists them' : 'must be a string') })
    .min(1, 'must not be empty; GET /apps/{name}/history lists the ids'),
});

/** POST /apps/{name}/delete */
export const deleteRequestSchema = z.strictObject({
  skipHooks: boolean().optional(),
  cascade: boolean().optional(),
});

export const defaultHistoryLimit = 10;
export const maxHistoryLimit = 100;

/** The `limit` query parameter of GET /apps/{name}/history. */
export function historyLimit(query: Record<string, string | undefined>): number {
  const raw = query.limit;
  if (raw === undefined || raw === '') return defaultHistoryLimit;
  const limit = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 1 && limit <= maxHistoryLimit)) throw badRequest(`query parameter limit: ${JSON.stringify(raw.slice(0, 40))} is not a whole number from 1 to ${maxHistoryLimit}`);
  return limit;
}
