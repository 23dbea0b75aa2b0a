import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { defaultProject, parseManifests, type Application, type AppProject } from '../../../lib/model/index.js';
import { checkProject, type PolicyObject, type ScopeLookup } from '../../../lib/policy/index.js';

const projectsFile = 'test/fixtures/apps/projects.yaml';
const [teamA, platform] = parseManifests(readFileSync(projectsFile, 'utf8'), projectsFile).projects as [AppProject, AppProject];
const prod = { name: 'prod-eu', server: 'https://prod-eu.k8s.example.com:6443' };

const app: Application = {
  name: 'web',
  project: 'team-a',
  source: { repoURL: 'https://github.com/example/web.git', targetRevision: 'HEAD', path: '.' },
  destination: { name: 'prod-eu', namespace: 'team-a-web' },
  syncPolicy: { syncOptions: { createNamespace: false, pruneLast: false, applyOutOfSyncOnly: false, serverSideApply: false, validate: true, replace: false, force: false } },
  ignoreDifferences: [],
  revisionHistoryLimit: 10,
  labels: {},
  annotations: {},
};

const clusterScoped = new Set(['/Namespace', 'rbac.authorization.k8s.io/ClusterRole', 'apiextensions.k8s.io/CustomResourceDefinition']);
const builtIn = new Set(['/ConfigMap', '/Service', '/ResourceQuota', 'apps/Deployment', 'networking.k8s.io/NetworkPolicy', ...clusterScoped]);
/** What a cluster's discovery would say for a few built-in kinds; custom kinds are unknown to it. */
const namespaced: ScopeLookup = (group, kind) => (builtIn.has(`${group}/${kind}`) ? !clusterScoped.has(`${group}/${kind}`) : undefined);

const object = (apiVersion: string, kind: string, name: string, namespace?: string): PolicyObject =>
  ({ apiVersion, kind, metadata: namespace ? { name, namespace } : { name } });

describe('checkProject', () => {
  it('lets the default project deploy anything anywhere', () => {
    const objects = [object('rbac.authorization.k8s.io/v1', 'ClusterRole', 'admin'), object('apps/v1', 'Deployment', 'web', 'kube-system')];
    const other = { ...app, project: 'default', source: { ...app.source, repoURL: 'https://example.org/any.git' } };
    assert.deepEqual(checkProject(other, defaultProject(), objects, { name: 'dev', server: 'https://dev.example.com' }, namespaced), []);
  });

  it('passes an app that stays within its project', () => {
    const objects = [object('v1', 'Namespace', 'team-a-web'), object('apps/v1', 'Deployment', 'web'), object('v1', 'Service', 'web', 'team-a-web')];
    assert.deepEqual(checkProject(app, teamA, objects, prod, namespaced), []);
  });

  it('refuses a cluster-scoped kind missing from clusterResourceWhitelist, naming the object first', () => {
    const [violation, ...rest] = checkProject(app, teamA, [object('rbac.authorization.k8s.io/v1', 'ClusterRole', 'admin')], prod, namespaced);
    assert.deepEqual(rest, []);
    assert.equal(violation?.rule, 'clusterResourceWhitelist');
    assert.deepEqual(violation?.ref, { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', namespace: '', name: 'admin' });
    assert.equal(violation?.message, 'ClusterRole/admin: cluster-scoped kind rbac.authorization.k8s.io/ClusterRole is not permitted in project "team-a"; add it to clusterResourceWhitelist');
  });

  it('refuses every cluster-scoped kind when the whitelist is empty', () => {
    const locked = { ...platform, clusterResourceWhitelist: [] };
    const [violation] = checkProject(app, locked, [object('v1', 'Namespace', 'team-a-web')], prod, namespaced);
    assert.equal(violation?.message, 'Namespace/team-a-web: cluster-scoped kind Namespace is not permitted in project "platform"; add it to clusterResourceWhitelist');
  });

  it('refuses a cluster-scoped kind on the blacklist even when the whitelist has *', () => {
    const project = { ...platform, clusterResourceBlacklist: [{ group: 'rbac.authorization.k8s.io', kind: '*' }] };
    const [violation] = checkProject(app, project, [object('rbac.authorization.k8s.io/v1', 'ClusterRole', 'admin')], prod, namespaced);
    assert.equal(violation?.rule, 'clusterResourceBlacklist');
    assert.match(violation?.message ?? '', /^ClusterRole\/admin: cluster-scoped kind .* is denied by clusterResourceBlacklist in project "platform"; remove it from clusterResourceBlacklist or from the app$/);
  });

  it('refuses a namespaced kind on the namespace blacklist', () => {
    const [violation] = checkProject(app, teamA, [object('v1', 'ResourceQuota', 'quota', 'team-a-web')], prod, namespaced);
    assert.equal(violation?.rule, 'namespaceResourceBlacklist');
    assert.equal(violation?.message, 'ResourceQuota/team-a-web/quota: kind ResourceQuota is denied by namespaceResourceBlacklist in project "team-a"; remove it from namespaceResourceBlacklist or from the app');
  });

  it('permits only whitelisted namespaced kinds once a namespace whitelist exists', () => {
    const project = { ...platform, namespaceResourceWhitelist: [{ group: 'apps', kind: '*' }] };
    const violations = checkProject(app, project, [object('apps/v1', 'Deployment', 'web'), object('v1', 'ConfigMap', 'settings')], prod, namespaced);
    assert.deepEqual(violations.map((v) => v.message), ['ConfigMap/team-a-web/settings: kind ConfigMap is not permitted in project "platform"; add it to namespaceResourceWhitelist']);
  });

  it('refuses a source repo outside sourceRepos, and the denied sandbox repo', () => {
    for (const repoURL of ['https://gitlab.com/other/web.git', 'https://github.com/example/sandbox']) {
      const [violation] = checkProject({ ...app, source: { ...app.source, repoURL } }, teamA, [], prod, namespaced);
      assert.equal(violation?.rule, 'sourceRepos');
      assert.equal(violation?.message, `Application "web": source repo ${repoURL} is not permitted in project "team-a"; add it to sourceRepos`);
    }
  });

  it('refuses a destination outside the project', () => {
    const [violation] = checkProject({ ...app, destination: { name: 'prod-eu', namespace: 'payments' } }, teamA, [], prod, namespaced);
    assert.equal(violation?.rule, 'destinations');
    assert.equal(violation?.message, 'Application "web": destination cluster "prod-eu" (https://prod-eu.k8s.example.com:6443) namespace "payments" is not permitted in project "team-a"; add it to destinations');
  });

  it('checks the namespace each object names, not only the app destination', () => {
    const violations = checkProject(app, teamA, [object('v1', 'ConfigMap', 'hack', 'kube-system'), object('v1', 'ConfigMap', 'ok', 'team-a-other')], prod, namespaced);
    assert.deepEqual(violations.map((v) => v.message), ['ConfigMap/kube-system/hack: namespace "kube-system" on cluster "prod-eu" is not permitted in project "team-a"; add it to destinations']);
  });

  it('learns the scope of custom kinds from CRDs in the same render', () => {
    const crd: PolicyObject = {
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' },
      spec: { group: 'example.com', names: { kind: 'Widget' }, scope: 'Namespaced' },
    };
    const project = { ...teamA, clusterResourceWhitelist: [{ group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' }] };
    assert.deepEqual(checkProject(app, project, [crd, object('example.com/v1', 'Widget', 'w')], prod, namespaced), []);
  });

  it('requires a kind of unknown scope to be permitted both ways', () => {
    const [violation] = checkProject(app, teamA, [object('example.com/v1', 'Widget', 'w')], prod, namespaced);
    assert.equal(violation?.rule, 'clusterResourceWhitelist');
    assert.match(violation?.message ?? '', /^Widget\/w: cluster-scoped kind example\.com\/Widget is not permitted in project "team-a"; add it to clusterResourceWhitelist \(cluster "prod-eu" does not serve this kind and no CRD in the app defines it/);
    assert.deepEqual(checkProject(app, platform, [object('example.com/v1', 'Widget', 'w')], prod, namespaced), []);
  });
});
