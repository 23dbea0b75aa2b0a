import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { SpecError, parseManifests, type SpecIssue } from '../../../lib/model/index.js';

const file = 'apps/app.yaml';
const source = { repoURL: 'https://github.com/example/apps.git', path: 'guestbook' };
const destination = { server: 'https://kubernetes.default.svc', namespace: 'web' };

function application(spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'guestbook' }) {
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata, spec: { source, destination, ...spec } };
}

function errorsOf(text: string, path = file): SpecIssue[] {
  try {
    parseManifests(text, path);
  } catch (error) {
    assert.ok(error instanceof SpecError, String(error));
    return error.issues;
  }
  return assert.fail('expected a SpecError');
}

describe('invalid Application fields', () => {
  const cases: [string, unknown, RegExp][] = [
    ['spec.source.repoURL', application({ source: { path: 'guestbook' } }), /^required: expected a string/],
    ['spec.source.repoURL', application({ source: { repoURL: 42 } }), /^expected a string, got a number/],
    ['spec.source.repoURL', application({ source: { repoURL: 'not a url' } }), /must not contain spaces/],
    ['spec.source.targetRevision', application({ source: { ...source, targetRevision: 1.5 } }), /^expected a string, got a number; put the value in quotes/],
    ['spec.source.path', application({ source: { ...source, path: '../other-repo' } }), /relative to the repository root that stays inside it/],
    ['spec.source.path', application({ source: { ...source, path: '/etc' } }), /relative to the repository root/],
    ['spec.source.kustomize', application({ source: { ...source, helm: {}, kustomize: {} } }), /only one of helm, kustomize and directory.*helm and kustomize/],
    ['spec.source.helm.values', application({ source: { ...source, helm: { values: { replicaCount: 2 } } } }), /expected a string, got a mapping; .*valuesObject/],
    ['spec.source.helm.valueFiles', application({ source: { ...source, helm: { valueFiles: 'values.yaml' } } }), /expected a list, got a string/],
    ['spec.source.helm.parameters[0].name', application({ source: { ...source, helm: { parameters: [{ value: '1' }] } } }), /^required/],
    ['spec.source.helm.parameters[0].value', application({ source: { ...source, helm: { parameters: [{ name: 'replicas', value: 3 }] } } }), /expected a string, got a number; put the value in quotes/],
    ['spec.source.directory.recurse', application({ source: { ...source, directory: { recurse: 'true' } } }), /expected true or false, got a string/],
    ['spec.destination', application({ destination: { namespace: 'web' } }), /set the destination cluster: name .* or server/],
    ['spec.destination.server', application({ destination: { name: 'prod', server: 'https://prod.example.com' } }), /either name or server, not both/],
    ['spec.destination.server', application({ destination: { server: 'kubernetes.default.svc' } }), /expected an API server URL/],
    ['spec.destination.namespace', application({ destination: { ...destination, namespace: 'Team_A' } }), /expected a namespace name/],
    ['spec.destination', application({ destination: undefined }), /^required: expected a mapping/],
    ['spec.syncPolicy.automated.prune', application({ syncPolicy: { automated: { prune: 'yes' } } }), /^expected true or false, got a string; write true or false/],
    ['spec.syncPolicy.syncOptions', application({ syncPolicy: { syncOptions: 'CreateNamespace=true' } }), /^expected a list, got a string/],
    ['spec.syncPolicy.syncOptions[0]', application({ syncPolicy: { syncOptions: ['CreateNamespace=maybe'] } }), /^expected CreateNamespace=true or CreateNamespace=false/],
    ['spec.syncPolicy.retry.limit', application({ syncPolicy: { retry: { limit: 1.5 } } }), /^expected a whole number, got 1.5/],
    ['spec.syncPolicy.retry.backoff.duration', application({ syncPolicy: { retry: { backoff: { duration: '5 minutes' } } } }), /expected a duration such as "30s"/],
    ['spec.syncPolicy.retry.backoff.factor', application({ syncPolicy: { retry: { backoff: { factor: 0 } } } }), /must be at least 1/],
    ['spec.revisionHistoryLimit', application({ revisionHistoryLimit: -1 }), /must be 0 or more/],
    ['spec.ignoreDifferences[0].kind', application({ ignoreDifferences: [{ group: 'apps', jsonPointers: ['/spec/replicas'] }] }), /^required: expected a string/],
    ['spec.ignoreDifferences[0].jsonPointers[0]', application({ ignoreDifferences: [{ kind: 'Deployment', jsonPointers: ['spec/replicas'] }] }), /JSON pointer starting with "\/"/],
    ['metadata.name', application({}, { name: 'Guest_Book' }), /expected a Kubernetes name/],
    ['metadata.name', application({}, { generateName: 'guestbook-' }), /^required: expected a string/],
    ['metadata.labels.team', application({}, { name: 'guestbook', labels: { team: 7 } }), /expected a string, got a number/],
    ['metadata.annotations["example.com/owner"]', application({}, { name: 'guestbook', annotations: { 'example.com/owner': true } }), /expected a string, got a boolean/],
    ['apiVersion', { ...application({}), apiVersion: 'argoproj.io/v1beta1' }, /expected "argoproj.io\/v1alpha1" for an Argo CD Application, got "argoproj.io\/v1beta1"/],
  ];
  for (const [field, document, message] of cases) {
    it(`rejects a bad ${field}, naming file, field, expectation and line`, () => {
      const issues = errorsOf(stringify(document));
      const issue = issues.find((i) => i.field === field);
      assert.ok(issue, `no issue for ${field} in ${JSON.stringify(issues)}`);
      assert.equal(issue.file, file);
      assert.match(issue.message, message);
      assert.match(issue.message, /\(line \d+\)$/);
    });
  }

  it('collects every problem of a file into one SpecError, each with its exact line', () => {
    const path = 'test/fixtures/apps/invalid.yaml';
    const issues = errorsOf(readFileSync(path, 'utf8'), path);
    assert.deepEqual(issues.map((i) => [i.field, i.message.match(/\(line (\d+)\)$/)?.[1]]), [
      ['spec.source.targetRevision', '8'],
      ['spec.destination.server', '12'],
      ['spec.syncPolicy.automated.prune', '15'],
      ['spec.revisionHistoryLimit', '18'],
      ['spec.syncPolicy.syncOptions[0]', '17'],
    ]);
  });

  it('formats the SpecError message as file: field: message lines', () => {
    const text = stringify(application({ revisionHistoryLimit: 'ten' }));
    try {
      parseManifests(text, file);
      assert.fail('expected a SpecError');
    } catch (error) {
      assert.ok(error instanceof SpecError);
      assert.match(error.message, /^apps\/app\.yaml: spec\.revisionHistoryLimit: expected a number, got a string \(line \d+\)$/);
    }
  });

  it('does not echo credentials embedded in a repo URL', () => {
    const issues = errorsOf(stringify(application({ source: { ...source, repoURL: 'https://bot:s3cr3t-t0ken@github.com/example/apps.git' } })));
    assert.match(issues[0]?.message ?? '', /must not contain credentials/);
    assert.ok(!JSON.stringify(issues).includes('s3cr3t-t0ken'));
  });

  it('reports the line of the parent when a required field is missing', () => {
    const text = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata:',
      '  name: guestbook',
      'spec:',
      '  source:',
      '    path: guestbook',
      '  destination:',
      '    server: https://kubernetes.default.svc',
    ].join('\n');
    const [issue] = errorsOf(text);
    assert.equal(issue?.field, 'spec.source.repoURL');
    assert.match(issue?.message ?? '', /\(line 6\)$/);
  });
});
