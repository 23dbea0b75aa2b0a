import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { SpecError, parseManifests, type SpecIssue } from '../../../lib/model/index.js';

const file = 'apps/app.yaml';
const source = { repoURL: 'https://github.com/example/apps.git', path: 'guestbook' };

function application(spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'guestbook', ...metadata },
    spec: { source, destination: { server: 'https://kubernetes.default.svc', namespace: 'web' }, ...spec },
  };
}

function warningsOf(document: unknown): SpecIssue[] {
  return parseManifests(stringify(document), file).warnings;
}

function errorsOf(document: unknown): SpecIssue[] {
  try {
    parseManifests(stringify(document), file);
  } catch (error) {
    assert.ok(error instanceof SpecError, String(error));
    return error.issues;
  }
  return assert.fail('expected a SpecError');
}

describe('fields Sluice does not support', () => {
  const warned: [string, Record<string, unknown>, Record<string, unknown>?][] = [
    ['spec.info', { info: [{ name: 'owner', value: 'team-a' }] }],
    ['spec.source.helm.fileParameters', { source: { ...source, helm: { fileParameters: [{ name: 'config', path: 'config.json' }] } } }],
    ['spec.source.helm.version', { source: { ...source, helm: { version: 'v3' } } }],
    ['spec.source.kustomize.version', { source: { ...source, kustomize: { version: 'v5.0.0' } } }],
    ['spec.syncPolicy.managedNamespaceMetadata', { syncPolicy: { managedNamespaceMetadata: { labels: { team: 'a' } } } }],
    ['spec.syncPolicy.retry.refresh', { syncPolicy: { retry: { limit: 2, refresh: true } } }],
    ['spec.ignoreDifferences[0].comment', { ignoreDifferences: [{ kind: 'Secret', jsonPointers: ['/data'], comment: 'rotated elsewhere' }] }],
  ];
  for (const [field, spec, metadata] of warned) {
    it(`warns about ${field} with its path and line`, () => {
      const warnings = warningsOf(application(spec, metadata));
      const warning = warnings.find((w) => w.field === field);
      assert.ok(warning, `no warning for ${field}: ${JSON.stringify(warnings)}`);
      assert.equal(warning.file, file);
      assert.match(warning.message, /not supported by Sluice yet; ignored.*\(line \d+\)$/);
    });
  }

  it('warns about every unsupported field of a realistic Argo CD app, and still parses it', () => {
    const path = 'test/fixtures/apps/unsupported.yaml';
    const { applications, warnings } = parseManifests(readFileSync(path, 'utf8'), path);
    assert.equal(applications[0]?.name, 'legacy');
    assert.deepEqual(warnings.map((w) => w.field).sort(), [
      'spec.info', 'spec.source.helm.fileParameters',
      'spec.source.helm.version', 'spec.syncPolicy.managedNamespaceMetadata',
      'spec.syncPolicy.syncOptions[1]', 'spec.syncPolicy.syncOptions[2]',
    ]);
    assert.ok(warnings.every((w) => w.file === path && /\(line \d+\)$/.test(w.message)));
  });

  it('warns about sync options it does not implement, naming the option', () => {
    const warnings = warningsOf(application({ syncPolicy: { syncOptions: ['PrunePropagationPolicy=foreground', 'RespectIgnoreDifferences=true'] } }));
    assert.deepEqual(warnings.map((w) => w.field), ['spec.syncPolicy.syncOptions[0]', 'spec.syncPolicy.syncOptions[1]']);
    assert.match(warnings[0]?.message ?? '', /"PrunePropagationPolicy=foreground" is not supported by Sluice yet; ignored/);
  });

  it('points out a sync option written in the wrong case', () => {
    const [warning] = warningsOf(application({ syncPolicy: { syncOptions: ['createNamespace=true'] } }));
    assert.match(warning?.message ?? '', /case-sensitive: did you mean CreateNamespace=true\?/);
  });

  it('suggests the field a misspelt one probably meant', () => {
    const warnings = warningsOf(application({ source: { ...source, targetRevison: 'main' } }));
    assert.equal(warnings[0]?.field, 'spec.source.targetRevison');
    assert.match(warnings[0]?.message ?? '', /did you mean "targetRevision"\?/);
  });

  it('ignores Argo CD status and operation blocks with a warning each', () => {
    const document = { ...application({}), status: { sync: { status: 'Synced' } }, operation: { sync: {} } };
    assert.deepEqual(warningsOf(document).map((w) => w.field), ['status', 'operation']);
  });

  const refused: [string, Record<string, unknown>, RegExp][] = [
    ['spec.source.plugin', { source: { ...source, plugin: { name: 'sops' } } }, /^Application "guestbook" uses a config management plugin.*render the manifests in CI and commit the output.*or use Kustomize or Helm/],
    ['spec.sourceHydrator', { sourceHydrator: { drySource: source } }, /source hydration is not supported/],
  ];
  for (const [field, spec, message] of refused) {
    it(`refuses ${field}, since the app could not be synced as Argo CD would`, () => {
      const issue = errorsOf(application(spec)).find((i) => i.field === field);
      assert.ok(issue, `no error for ${field}`);
      assert.match(issue.message, message);
      assert.match(issue.message, /\(line \d+\)$/);
    });
  }
});
