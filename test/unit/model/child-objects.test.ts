import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ancestorsOf, isChildObject, readChildObjects, type Application } from '../../../lib/model/index.js';

const app = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name, namespace: 'argocd' },
  spec: { project: 'default', source: { repoURL: 'https://github.com/acme/apps.git', targetRevision: 'main', path: name }, destination: { server: 'https://kubernetes.default.svc', namespace: name } },
  ...extra,
});

describe('child objects of a render (app of apps)', () => {
  it('takes argoproj.io Applications and AppProjects, not other objects or other groups', () => {
    assert.equal(isChildObject(app('a')), true);
    assert.equal(isChildObject({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject' }), true);
    assert.equal(isChildObject({ apiVersion: 'v1', kind: 'ConfigMap' }), false);
    assert.equal(isChildObject({ apiVersion: 'example.com/v1', kind: 'Application' }), false);
    assert.equal(isChildObject({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout' }), false);
  });

  it('reads children with the config repo parser, finalizers included', () => {
    const read = readChildObjects([{ object: app('a', { metadata: { name: 'a', finalizers: ['resources-finalizer.argocd.argoproj.io'] } }), file: 'templates/a.yaml' }, { object: app('b'), file: 'templates/b.yaml' }]);
    assert.deepEqual(read.applications.map((a) => [a.name, a.source.path, a.finalizers]), [['a', 'a', ['resources-finalizer.argocd.argoproj.io']], ['b', 'b', undefined]]);
    assert.deepEqual(read.errors, []);
  });

  it('reports an invalid child by name and file, and reads the others', () => {
    const broken = app('bad');
    (broken.spec as Record<string, unknown>).source = { targetRevision: 'main' };
    const read = readChildObjects([{ object: broken, file: 'templates/bad.yaml' }, { object: app('good'), file: 'templates/good.yaml' }]);
    assert.deepEqual(read.applications.map((a) => a.name), ['good']);
    assert.ok(read.errors.length > 0);
    assert.ok(read.errors.every((issue) => issue.file === 'templates/bad.yaml' && issue.message.startsWith('Application "bad": ')), JSON.stringify(read.errors));
  });

  it('refuses another apiVersion and a second child of one name', () => {
    const read = readChildObjects([
      { object: { ...app('a'), apiVersion: 'argoproj.io/v1beta1' }, file: 'x.yaml' },
      { object: app('b'), file: 'y.yaml' }, { object: app('b'), file: 'z.yaml' },
    ]);
    assert.deepEqual(read.applications.map((a) => a.name), ['b']);
    assert.match(read.errors[0]!.message, /expected "argoproj.io\/v1alpha1"/);
    assert.match(read.errors[1]!.message, /Application "b" is rendered twice/);
  });

  it('walks the parents up to an app of the config repo, and stops on a cycle', () => {
    const apps = [{ name: 'top' }, { name: 'mid', parent: { kind: 'Application', name: 'top' } }, { name: 'x', parent: { kind: 'Application', name: 'y' } }, { name: 'y', parent: { kind: 'Application', name: 'x' } }] as Application[];
    assert.deepEqual(ancestorsOf({ kind: 'Application', name: 'mid' }, apps), ['mid', 'top']);
    assert.deepEqual(ancestorsOf({ kind: 'Application', name: 'x' }, apps), ['x', 'y']);
    assert.deepEqual(ancestorsOf({ kind: 'ApplicationSet', name: 'fleet' }, apps, ['mid', 'top']), ['mid', 'top']);
  });
});
