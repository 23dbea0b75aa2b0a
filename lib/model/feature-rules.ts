import { issueAt, valueAt, type SpecContext } from './spec-issues.js';
import type { SpecIssue } from './types.js';

/**
 * Argo CD fields Sluice does not implement but must not merely warn about: without them the app would
 * deploy something else, or a safeguard the team relies on would be silently off. Any other unknown field
 * is a plain "not supported; ignored" warning from the schema pass.
 */
export interface FeatureRule {
  path: Array<string | number>;
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
    path: ['spec', 'sourceHydrator'],
    check: () => ({ severity: 'error', message: 'source hydration is not supported by Sluice yet; describe the app with spec.source' }),
  },
  pluginRule(['spec', 'source', 'plugin']),
];

/**
 * Config management plugins run as sidecars of Argo CD's repo server, which Lambda cannot host. The message names
 * the app alone: nothing of the plugin's settings (its env may hold secrets) nor of any other app.
 */
export function pluginRule(path: Array<string | number>): FeatureRule {
  return {
    path,
    check: (_value, document) => {
      const name = valueAt(document, ['metadata', 'name']);
      const app = typeof name === 'string' && name ? `Application "${name}"` : 'this Application';
      return {
        severity: 'error',
        message: `${app} uses a config management plugin, which Sluice cannot run (plugins are sidecars of Argo CD's repo server; ` +
          'Sluice renders on Lambda); render the manifests in CI and commit the output for a directory source, or use Kustomize or Helm',
      };
    },
  };
}

/** The feature rules of each entry of spec.sources, as they are for spec.source. */
export function sourcesFeatureRules(input: unknown): FeatureRule[] {
  const sources = valueAt(input, ['spec', 'sources']);
  if (!Array.isArray(sources)) return [];
  return sources.flatMap((_source, i) => applicationFeatureRules
    .filter((rule) => rule.path[0] === 'spec' && rule.path[1] === 'source')
    .map((rule) => ({ ...rule, path: ['spec', 'sources', i, ...rule.path.slice(2)] })));
}

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
