import { SpecError } from './errors.js';
import { applicationSchema, type ApplicationDocument } from './application-schema.js';
import { dropNulls } from './drop-nulls.js';
import { applicationFeatureRules, applyFeatureRules, sourcesFeatureRules } from './feature-rules.js';
import { multiSourceIssues } from './multi-source.js';
import { parseWithSchema } from './parse-with-schema.js';
import { issueAt, valueAt, type SpecContext } from './spec-issues.js';
import { finalizerWarnings } from './finalizers.js';
import { readSyncOptions } from './sync-options.js';
import type { Application, SpecIssue, SyncOptions } from './types.js';
import type { LineOf } from './yaml-documents.js';

export interface ParsedApplication {
  application: Application;
  warnings: SpecIssue[];
}

/**
 * Validates one Argo CD Application object (already decoded from YAML/JSON) and applies Argo CD's defaults.
 * Throws SpecError listing every problem; fields Sluice does not support come back as warnings.
 */
export function parseApplication(input: unknown, file: string, lineOf?: LineOf): ParsedApplication {
  const context: SpecContext = { file, lineOf };
  const warnings = nullAutomatedWarning(input, context);
  const cleaned = dropNulls(input);
  const features = applyFeatureRules([...applicationFeatureRules, ...sourcesFeatureRules(cleaned)], cleaned, context);
  const parsed = parseWithSchema(applicationSchema, features.input, context, { unknownFields: 'warn', echoValues: true });
  // Sync options are read even when the schema failed, so one run reports every error.
  const syncOptions = readSyncOptions(syncOptionStrings(features.input), context, syncOptionsPath);
  const errors = [...features.errors, ...parsed.errors, ...syncOptions.errors];
  warnings.push(...features.warnings, ...parsed.warnings, ...syncOptions.warnings);
  const sources = parsed.data?.spec.sources;
  if (sources?.length) errors.push(...multiSourceIssues(sources, context));
  if (!parsed.data || errors.length > 0) throw new SpecError(errors);
  if (sources?.length && parsed.data.spec.source) {
    warnings.push(issueAt(context, ['spec', 'source'], 'ignored because spec.sources is set (Argo CD syncs spec.sources then); remove one of them'));
  }
  warnings.push(...helmValuesWarnings(parsed.data, context), ...finalizerWarnings(parsed.data.metadata.finalizers, context));
  return { application: toApplication(parsed.data, syncOptions.options), warnings };
}

const syncOptionsPath = ['spec', 'syncPolicy', 'syncOptions'];

function syncOptionStrings(input: unknown): string[] {
  const entries = valueAt(input, syncOptionsPath);
  return Array.isArray(entries) && entries.every((entry) => typeof entry === 'string') ? entries : [];
}

function toApplication(document: ApplicationDocument, syncOptions: SyncOptions): Application {
  const { metadata, spec } = document;
  const { automated, retry } = spec.syncPolicy;
  return {
    name: metadata.name,
    ...(metadata.namespace ? { namespace: metadata.namespace } : {}),
    project: spec.project,
    // The schema requires one of them; a multi-source app's source is its first, as Argo CD's GetSource.
    ...(spec.sources?.length ? { source: spec.sources[0]!, sources: spec.sources } : { source: spec.source! }),
    destination: spec.destination,
    syncPolicy: {
      ...(automated && automated.enabled !== false
        ? { automated: { prune: automated.prune, selfHeal: automated.selfHeal, allowEmpty: automated.allowEmpty } }
        : {}),
      syncOptions,
      ...(retry ? { retry } : {}),
    },
    ignoreDifferences: spec.ignoreDifferences,
    revisionHistoryLimit: spec.revisionHistoryLimit,
    labels: metadata.labels,
    annotations: metadata.annotations,
    ...(metadata.finalizers.length ? { finalizers: metadata.finalizers } : {}),
  };
}

/** `automated:` with nothing after it is null, which Argo CD reads as "no automated sync": say so. */
function nullAutomatedWarning(input: unknown, context: SpecContext): SpecIssue[] {
  const syncPolicy = valueAt(input, ['spec', 'syncPolicy']);
  if (syncPolicy === null || typeof syncPolicy !== 'object' || !('automated' in syncPolicy) || syncPolicy.automated !== null) return [];
  return [issueAt(context, ['spec', 'syncPolicy', 'automated'], 'is empty (null), so automated sync stays off as in Argo CD; write `automated: {}` to turn it on')];
}

function helmValuesWarnings(document: ApplicationDocument, context: SpecContext): SpecIssue[] {
  const { sources, source } = document.spec;
  const located = sources?.length ? sources.map((entry, i) => [entry, ['spec', 'sources', i]] as const) : source ? [[source, ['spec', 'source']] as const] : [];
  return located.flatMap(([{ helm }, at]) => helm?.values === undefined || helm.valuesObject === undefined ? []
    : [issueAt(context, [...at, 'helm', 'values'], 'ignored because valuesObject is also set (valuesObject takes precedence, as in Argo CD)')]);
}
