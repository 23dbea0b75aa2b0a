import { issueAt, valueAt, type SpecContext } from './spec-issues.js';
import type { SpecIssue } from './types.js';

/**
 * Argo CD fields Sluice does not implement but must not merely warn about: without them the app would
 * deploy something else, or a safeguard the team relies on would be silently off. Any other unknown field
 * is a plain "not supported; ignored" warning from the schema pass.
 */
export interface FeatureRule {
  path: string[];
  /** What to say about the field when present; `undefined` accepts it silently (e.g. an explicit `false`). */
  check: (value: unknown, document: unknown) => { severity: 'error' | 'warning'; message: string } | undefined;
}

/** Reports the rules' findings and returns a copy of the input with those fields removed. */
export function applyFeatureRules(rules: FeatureRule[], input: unknown, context: SpecContext): { input: unknown; errors: SpecIssue[]; warnings: SpecIssue[] } {
  const errors: SpecIssue[] = [];
  const warnings: SpecIssue[] = [];
  let output = input;
  for (const rule of rules) {
    const parent = valueAt(output, rule.path.slice(0, -1));
    const key = rule.path.at(-1) ?? '';
    if (parent === null || typeof parent !== 'object' || Array.isArray(parent) || !(key in parent)) continue;
    const finding = rule.check((parent as Record<string, unknown>)[key], output);
    if (finding) (finding.severity === 'error' ? errors : warnings).push(issueAt(context, rule.path, finding.message));
    if (output === input) output = structuredClone(input);
    delete (valueAt(output, rule.path.slice(0, -1)) as Record<string, unknown>)[key];
  }
  return { input: output, errors, warnings };
}

export const applicationFeatureRules: FeatureRule[] = [
  {
    path: ['spec', 'sources'],
    check: (_value, document) => valueAt(document, ['spec', 'source']) === undefined
      ? { severity: 'error', message: 'multi-source applications are not supported by Sluice yet; describe the app with a single spec.source' }
      : { severity: 'warning', message: 'multi-source applications are not supported by Sluice yet; ignored, and spec.source is synced instead (Argo CD would use spec.sources)' },
  },
  {
    path: ['spec', 'sourceHydrator'],
    check: () => ({ severity: 'error', message: 'source hydration is not supported by Sluice yet; describe the app with spec.source' }),
  },
  {
    path: ['spec', 'source', 'chart'],
    check: () => ({ severity: 'error', message: 'charts from a Helm repository are not supported by Sluice yet; keep the chart in Git and point spec.source.path at its directory' }),
  },
  {
    path: ['spec', 'source', 'plugin'],
    check: () => ({ severity: 'error', message: 'config management plugins are not supported by Sluice yet; Sluice renders plain directories, Kustomize and Helm only' }),
  },
];

export const appProjectFeatureRules: FeatureRule[] = [
  {
    path: ['spec', 'signatureKeys'],
    check: (value) => Array.isArray(value) && value.length === 0 ? undefined
      : { severity: 'error', message: 'commit signature verification is not supported by Sluice yet; remove signatureKeys only if unverified commits may be deployed' },
  },
  {
    path: ['spec', 'permitOnlyProjectScopedClusters'],
    check: (value) => value === false ? undefined
      : { severity: 'error', message: 'project-scoped clusters are not supported by Sluice yet; remove it to let destinations alone decide which clusters are permitted' },
  },
];
