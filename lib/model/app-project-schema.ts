import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { parseDuration } from './duration.js';
import { nonEmptyString, objectName, stringList, stringMap } from './schema-fields.js';

/** Argo CD's AppProject (argoproj.io/v1alpha1) as users write it. */

/** `!*` would deny everything, which Argo CD calls an invalid rule. */
const pattern = z.string().refine((text) => text !== '!*', '"!*" denies everything; remove the rule instead');

const groupKind = z.strictObject({
  group: z.string().default(''),
  kind: nonEmptyString,
});

const destination = z.strictObject({
  server: pattern.optional(),
  name: pattern.optional(),
  namespace: pattern.optional(),
}).superRefine((value, ctx) => {
  if (!value.server && !value.name) ctx.addIssue({ code: 'custom', path: [], message: 'set server or name (a glob; "*" for any cluster)' });
});

/** Argo CD parses schedules as five standard cron fields: no seconds, no @descriptors, no L/W/#. */
const cronSchedule = z.string().superRefine((text, ctx) => {
  const fields = text.trim().split(/\s+/);
  if (fields.length !== 5 || /[#@]|\d[LW]\b|\bL\b/.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'expected a five-field cron schedule (minute hour day-of-month month day-of-week), e.g. "0 22 * * *"' });
    return;
  }
  try {
    CronExpressionParser.parse(text, { tz: 'UTC' });
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `invalid cron schedule: ${(error as Error).message}` });
  }
});

const windowDuration = z.string().refine((text) => (parseDuration(text) ?? 0) > 0, 'expected a positive duration such as "30m", "1h" or "8h30m"');

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const syncWindow = z.strictObject({
  kind: z.enum(['allow', 'deny']),
  schedule: cronSchedule,
  duration: windowDuration,
  applications: stringList,
  namespaces: stringList,
  clusters: stringList,
  manualSync: z.boolean().default(false),
  timeZone: z.string().optional().refine((zone) => !zone || isTimeZone(zone), 'expected an IANA time zone such as "UTC" or "Europe/Amsterdam"'),
  andOperator: z.boolean().optional(),
  description: z.string().max(255, 'must be at most 255 characters').optional(),
}).superRefine((value, ctx) => {
  if (value.applications.length + value.namespaces.length + value.clusters.length === 0) {
    ctx.addIssue({ code: 'custom', path: [], message: 'a sync window needs at least one of applications, namespaces or clusters (use ["*"] for all)' });
  }
});

const metadata = z.strictObject({
  name: objectName,
  namespace: z.string().optional(),
  labels: stringMap,
  annotations: stringMap,
});

export const appProjectSchema = z.strictObject({
  apiVersion: z.literal('argoproj.io/v1alpha1'),
  kind: z.literal('AppProject'),
  metadata,
  spec: z.strictObject({
    description: z.string().optional(),
    sourceRepos: z.array(pattern).default([]),
    destinations: z.array(destination).default([]),
    clusterResourceWhitelist: z.array(groupKind).default([]),
    clusterResourceBlacklist: z.array(groupKind).default([]),
    namespaceResourceWhitelist: z.array(groupKind).default([]),
    namespaceResourceBlacklist: z.array(groupKind).default([]),
    syncWindows: z.array(syncWindow).default([]),
  }).prefault({}),
});

export type AppProjectDocument = z.infer<typeof appProjectSchema>;
