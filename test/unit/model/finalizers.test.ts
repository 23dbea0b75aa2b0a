import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { deletionPolicyOf, parseManifests } from '../../../lib/model/index.js';

const application = (finalizers: unknown) => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Application',
  metadata: { name: 'web', finalizers },
  spec: { source: { repoURL: 'https://github.com/example/apps.git', path: 'web' }, destination: { server: 'https://kubernetes.default.svc', namespace: 'web' } },
});
const parse = (finalizers: unknown) => parseManifests(stringify(application(finalizers)), 'apps/web.yaml');

describe('an Application\'s finalizers', () => {
  it('keeps metadata.finalizers as written, without a warning', () => {
    const { applications, warnings } = parse(['resources-finalizer.argocd.argoproj.io']);
    assert.deepEqual(applications[0]?.finalizers, ['resources-finalizer.argocd.argoproj.io']);
    assert.deepEqual(warnings, []);
  });

  it('deletes the app\'s objects with foreground propagation for the plain finalizer and /foreground', () => {
    assert.deepEqual(deletionPolicyOf({ finalizers: ['resources-finalizer.argocd.argoproj.io'] }), { cascade: true, propagation: 'Foreground', finalizer: 'resources-finalizer.argocd.argoproj.io' });
    assert.deepEqual(deletionPolicyOf({ finalizers: ['resources-finalizer.argocd.argoproj.io/foreground'] }).propagation, 'Foreground');
  });

  it('deletes them with background propagation for /background', () => {
    assert.deepEqual(deletionPolicyOf({ finalizers: ['resources-finalizer.argocd.argoproj.io/background'] }), { cascade: true, propagation: 'Background', finalizer: 'resources-finalizer.argocd.argoproj.io/background' });
  });

  it('lets the first resources finalizer decide when several are listed, as Argo CD does', () => {
    assert.equal(deletionPolicyOf({ finalizers: ['example.com/x', 'resources-finalizer.argocd.argoproj.io/background', 'resources-finalizer.argocd.argoproj.io'] }).propagation, 'Background');
  });

  it('leaves the objects (a non-cascading delete) without a resources finalizer', () => {
    assert.deepEqual(deletionPolicyOf({}), { cascade: false, propagation: 'Foreground' });
    assert.equal(deletionPolicyOf({ finalizers: ['example.com/cleanup'] }).cascade, false);
  });

  it('warns about a finalizer that does nothing in Sluice, and suggests the right name for a near miss', () => {
    const { applications, warnings } = parse(['resources-finalizers.argocd.argoproj.io', 'pre-delete-finalizer.argocd.argoproj.io/cleanup']);
    assert.equal(applications[0]?.name, 'web');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.field, 'metadata.finalizers[0]');
    assert.match(warnings[0]?.message ?? '', /has no effect in Sluice.*did you mean resources-finalizer\.argocd\.argoproj\.io\?/);
  });

  it('refuses finalizers that are not a list of strings, naming the field', () => {
    assert.throws(() => parse('resources-finalizer.argocd.argoproj.io'), /metadata\.finalizers/);
  });
});
