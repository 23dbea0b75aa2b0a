import { z } from 'zod';
import { SpecError } from './errors.js';
import { parseWithSchema } from './parse-with-schema.js';
import { serverUrl } from './schema-fields.js';
import type { ClusterRecord } from './types.js';

const clusterRecordSchema = z.object({
  name: z.string().min(1, 'must not be empty').regex(/^\S+$/, 'must not contain spaces'),
  server: serverUrl,
  secretRef: z.string().min(1, 'must not be empty; give the Secrets Manager secret name or ARN holding the credentials'),
  /** The cluster Argo CD's in-cluster destination means (at most one is). */
  inCluster: z.boolean().optional(),
  /** Labels the ApplicationSet clusters generator selects on. */
  labels: z.record(z.string(), z.string()).optional(),
});

/**
 * Validates a registered cluster (name, API server URL, secret reference, the in-cluster mark). Fields beyond these are
 * dropped: records are read back from storage, which adds its own keys.
 */
export function parseClusterRecord(input: unknown, source: string): ClusterRecord {
  const parsed = parseWithSchema(clusterRecordSchema, input, { file: source }, { unknownFields: 'warn', echoValues: true });
  if (!parsed.data) throw new SpecError(parsed.errors);
  return parsed.data;
}

const labelKey = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const labelValue = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** `k=v` pairs as Kubernetes labels (a key with an optional DNS prefix, a value of at most 63 characters); each bad one is named. */
export function parseClusterLabels(pairs: readonly string[]): { labels: Record<string, string>; errors: string[] } {
  const labels: Record<string, string> = {};
  const errors: string[] = [];
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const key = at < 0 ? pair : pair.slice(0, at);
    const value = at < 0 ? undefined : pair.slice(at + 1);
    if (value === undefined) errors.push(`--label ${pair}: expected key=value, e.g. --label env=prod`);
    else if (!labelKey.test(key) || key.split('/').at(-1)!.length > 63) errors.push(`--label ${pair}: "${key}" is not a label key (letters, digits, "-", "_" and ".", at most 63, with an optional DNS prefix and "/")`);
    else if (!labelValue.test(value)) errors.push(`--label ${pair}: "${value}" is not a label value (at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit)`);
    else labels[key] = value;
  }
  return { labels, errors };
}
