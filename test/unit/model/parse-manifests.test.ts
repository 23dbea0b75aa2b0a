import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SpecError, parseManifests } from '../../../lib/model/index.js';

const app = (name: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
spec:
  source:
    repoURL: https://github.com/example/apps.git
  destination:
    server: https://kubernetes.default.svc
`;

const project = `apiVersion: argoproj.io/v1alpha1
kind: AppProject
metadata:
  name: team-a
spec:
  sourceRepos: ['*']
`;

function specErrorOf(fn: () => unknown): SpecError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof SpecError, String(error));
    return error;
  }
  return assert.fail('expected a SpecError');
}

describe('parseManifests', () => {
  it('reads Applications and AppProjects from one multi-document file', () => {
    const { applications, projects, warnings } = parseManifests(`${project}---\n${app('web')}---\n${app('api')}`, 'apps.yaml');
    assert.deepEqual(applications.map((a) => a.name), ['web', 'api']);
    assert.deepEqual(projects.map((p) => p.name), ['team-a']);
    assert.deepEqual(warnings, []);
  });

  it('skips empty and comment-only documents silently', () => {
    const { applications, warnings } = parseManifests(`---\n# nothing here\n---\n${app('web')}---\n`, 'apps.yaml');
    assert.equal(applications.length, 1);
    assert.deepEqual(warnings, []);
  });

  it('reports documents of other kinds as warnings, naming the kind and line; ApplicationSets are left to lib/applicationset', () => {
    const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n';
    const appSet = 'apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: all\n';
    const { applications, warnings } = parseManifests(`${app('web')}---\n${configMap}---\n${appSet}---\n- a list\n---\nfoo: bar\n`, 'apps.yaml');
    assert.equal(applications.length, 1);
    assert.deepEqual(warnings.map((w) => [w.field, w.message]), [
      ['kind', 'ConfigMap (v1) is not an Argo CD Application or AppProject; ignored (line 12)'],
      ['(document)', 'document is not a mapping, so not an Argo CD Application or AppProject; ignored (line 21)'],
      ['(document)', 'document has no kind, so it is not an Argo CD Application or AppProject; ignored (line 23)'],
    ]);
  });

  it('reports YAML syntax errors with line and column', () => {
    const error = specErrorOf(() => parseManifests('apiVersion: v1\nkind: [Application\nmetadata: {}\n', 'broken.yaml'));
    assert.equal(error.issues[0]?.file, 'broken.yaml');
    assert.equal(error.issues[0]?.field, '(yaml)');
    assert.match(error.issues[0]?.message ?? '', /\(line \d+, column \d+\)$/);
  });

  it('rejects duplicate keys, which YAML forbids and Kubernetes would silently merge', () => {
    const error = specErrorOf(() => parseManifests(`${app('web')}metadata:\n  name: other\n`, 'dup.yaml'));
    assert.match(error.issues[0]?.message ?? '', /unique.*\(line 10, column 1\)/);
  });

  it('collects the issues of every document before throwing', () => {
    const error = specErrorOf(() => parseManifests(`${app('Bad_Name')}---\n${app('web').replace('https://kubernetes.default.svc', '42')}`, 'apps.yaml'));
    assert.deepEqual(error.issues.map((i) => i.field), ['metadata.name', 'spec.destination.server']);
    assert.match(error.issues[1]?.message ?? '', /\(line 19\)$/);
  });
});
