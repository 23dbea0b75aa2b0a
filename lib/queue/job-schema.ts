import { z } from 'zod';

/** One source's resolved revision: a commit id, or a Helm chart's version. */
const resolvedPart = String.raw`(?:[0-9a-f]{40,64}|v?\d+(?:\.\d+)*(?:[-+][0-9A-Za-z.+-]*)?)`;
/** A resolved revision; a multi-source app's is one per source, comma-separated. */
const resolvedRevision = new RegExp(`^${resolvedPart}(?:,${resolvedPart})*$`);

const triggerSchema = z.object({
  kind: z.enum(['webhook', 'drift', 'manual', 'rollback', 'cli', 'test']),
  by: z.string().optional(),
});

/** A Job as it travels on the queue. Unknown fields are dropped, so a newer producer does not break an older worker. */
export const jobSchema = z.object({
  kind: z.enum(['sync', 'refresh', 'reload-registry', 'rollback', 'push', 'delete']),
  app: z.string().min(1, 'must not be empty').optional(),
  revision: z.string().min(1, 'must not be empty').optional(),
  commitTime: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time' }).optional(),
  historyId: z.string().min(1, 'must not be empty').optional(),
  prune: z.boolean().optional(),
  unpin: z.boolean().optional(),
  head: z.string().regex(resolvedRevision, 'must be a commit id (a multi-source app: one per source, comma-separated)').optional(),
  push: z.object({
    repoURLs: z.array(z.string().min(1)).min(1, 'must name the repository'),
    ref: z.string().min(1, 'must not be empty'),
    before: z.string().regex(/^[0-9a-f]{40,64}$/, 'must be a commit id').optional(),
    defaultBranch: z.string().optional(),
    changedPaths: z.array(z.string().min(1)).optional(),
  }).optional(),
  confirmDeletion: z.array(z.string().min(1)).optional(),
  deleteOptions: z.object({ skipHooks: z.boolean().optional(), cascade: z.boolean().optional() }).optional(),
  trigger: triggerSchema,
  deliveryId: z.string().optional(),
  requestedAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time, e.g. 2024-05-01T12:00:00Z' }),
  continuation: z.int().min(0).optional(),
  reply: z.object({ slackResponseUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }) }).optional(),
}).superRefine((job, ctx) => {
  if (job.kind === 'push' && (!job.push || !job.revision)) ctx.addIssue({ code: 'custom', path: ['push'], message: 'a push job needs push and revision' });
  if (job.kind !== 'reload-registry' && job.kind !== 'push' && !job.app) ctx.addIssue({ code: 'custom', path: ['app'], message: `required for a ${job.kind} job` });
  if (job.kind === 'rollback' && !job.historyId) ctx.addIssue({ code: 'custom', path: ['historyId'], message: 'required for a rollback job: the history entry to roll back to' });
});
