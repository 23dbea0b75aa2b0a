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
