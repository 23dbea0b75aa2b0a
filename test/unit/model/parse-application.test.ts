import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { defaultSyncOptions, parseApplication, parseManifests, type Application } from '../../../lib/model/index.js';

const fixture = (name: string) => {
  const file = `test/fixtures/apps/${name}`;
  return parseManifests(readFileSync(file, 'utf8'), file);
};

const minimal = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'guestbook' },
  spec: {
    source: { repoURL: 'https://github.com/example/apps.git' },
    destination: { server: 'https://kubernetes.default.svc' },
  },
};

function withSpec(patch: Record<string, unknown>) {
  return { ...minimal, spec: { ...minimal.spec, ...patch } };
}

describe('parseApplication', () => {
  it('reads the plain-directory guestbook into the normalised shape', () => {
    const { applications, warnings } = fixture('guestbook.yaml');
    assert.deepEqual(warnings, []);
    assert.deepEqual(applications, [{
      name: 'guestbook',
      namespace: 'argocd',
      project: 'default',
      source: {
        repoURL: 'https://github.com/example/gitops-apps.git',
        targetRevision: 'main',
        path: 'plain/guestbook',
        directory: { recurse: true, include: '*.yaml' },
      },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'guestbook' },
      syncPolicy: {
        automated: { prune: true, selfHeal: true, allowEmpty: false },
        syncOptions: { ...defaultSyncOptions, createNamespace: true, pruneLast: true },
        retry: { limit: 5, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } },
      },
      ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'], jqPathExpressions: [], managedFieldsManagers: [] }],
      revisionHistoryLimit: 10,
      labels: { team: 'web' },
      annotations: {},
    } satisfies Application]);
  });

  it('reads a Helm app with value files, parameters and valuesObject', () => {
    const [app] = fixture('helm-guestbook.yaml').applications;
    assert.equal(app?.project, 'team-a');
    assert.deepEqual(app?.destination, { name: 'prod-eu', namespace: 'team-a-guestbook' });
    assert.deepEqual(app?.source.helm, {
      releaseName: 'guestbook',
      valueFiles: ['values-prod.yaml'],
      valuesObject: { replicaCount: 3, ingress: { enabled: false } },
      parameters: [{ name: 'image.tag', value: '0.2' }, { name: 'service.port', value: '8080', forceString: true }],
    });
    assert.deepEqual(app?.syncPolicy, { syncOptions: { ...defaultSyncOptions, serverSideApply: true, validate: false } });
    assert.equal(app?.revisionHistoryLimit, 3);
    assert.deepEqual(app?.annotations, { 'notifications.argoproj.io/subscribe.on-sync-succeeded.slack': 'deploys' });
  });

  it('reads a Kustomize app and normalises its path', () => {
    const [app] = fixture('kustomize-guestbook.yaml').applications;
    assert.equal(app?.source.path, 'kustomize/guestbook/overlays/prod');
    assert.equal(app?.source.repoURL, 'git@github.com:example/gitops-apps.git');
    assert.deepEqual(app?.source.kustomize, {
      namePrefix: 'prod-',
      images: ['gcr.io/heptio-images/ks-guestbook-demo:0.2'],
      commonLabels: { env: 'prod' },
      commonAnnotations: { owner: 'team-a' },
    });
    assert.deepEqual(app?.syncPolicy.automated, { prune: false, selfHeal: false, allowEmpty: false }, '`automated: {}` turns automation on');
  });

  it('applies Argo CD defaults to a minimal app', () => {
    const { application, warnings } = parseApplication(minimal, 'apps/guestbook.yaml');
    assert.deepEqual(warnings, []);
    assert.deepEqual(application, {
      name: 'guestbook',
      project: 'default',
      source: { repoURL: 'https://github.com/example/apps.git', targetRevision: 'HEAD', path: '.' },
      destination: { server: 'https://kubernetes.default.svc' },
      syncPolicy: { syncOptions: defaultSyncOptions },
      ignoreDifferences: [],
      revisionHistoryLimit: 10,
      labels: {},
      annotations: {},
    });
  });

  it('treats empty strings the way Argo CD does: HEAD, repository root, default project', () => {
    const { application } = parseApplication(withSpec({ project: '', source: { repoURL: 'https://github.com/example/apps.git', targetRevision: '', path: '' } }), 'a.yaml');
    assert.equal(application.project, 'default');
    assert.equal(application.source.targetRevision, 'HEAD');
    assert.equal(application.source.path, '.');
  });

  it('reads every supported sync option, true and false', () => {
    const syncOptions = ['CreateNamespace=true', 'PruneLast=true', 'ApplyOutOfSyncOnly=true', 'ServerSideApply=true', 'Validate=false', 'Replace=true', 'Force=true'];
    const { application } = parseApplication(withSpec({ syncPolicy: { syncOptions } }), 'a.yaml');
    assert.deepEqual(application.syncPolicy.syncOptions, {
      createNamespace: true, pruneLast: true, applyOutOfSyncOnly: true, serverSideApply: true, validate: false, replace: true, force: true,
    });
    const off = parseApplication(withSpec({ syncPolicy: { syncOptions: ['CreateNamespace=false'] } }), 'a.yaml');
    assert.equal(off.application.syncPolicy.syncOptions.createNamespace, false);
  });

  it('fills retry backoff defaults and reads bare numbers as seconds', () => {
    const { application } = parseApplication(withSpec({ syncPolicy: { retry: { limit: -1, backoff: { duration: '30' } } } }), 'a.yaml');
    assert.deepEqual(application.syncPolicy.retry, { limit: -1, backoff: { duration: '30s', factor: 2, maxDuration: '3m' } });
    const bare = parseApplication(withSpec({ syncPolicy: { retry: {} } }), 'a.yaml');
    assert.deepEqual(bare.application.syncPolicy.retry, { limit: 0, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } });
  });

  it('keeps automation off when automated.enabled is false (Argo CD 3)', () => {
    const { application, warnings } = parseApplication(withSpec({ syncPolicy: { automated: { enabled: false, prune: true } } }), 'a.yaml');
    assert.equal(application.syncPolicy.automated, undefined);
    assert.deepEqual(warnings, []);
  });

  it('warns that an empty `automated:` leaves automation off, as in Argo CD', () => {
    const file = 'apps/a.yaml';
    const text = stringify(withSpec({ syncPolicy: { automated: null } }));
    const { applications, warnings } = parseManifests(text, file);
    assert.equal(applications[0]?.syncPolicy.automated, undefined);
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.field, 'spec.syncPolicy.automated');
    assert.match(warnings[0]?.message ?? '', /automated sync stays off.*automated: \{\}.*\(line \d+\)/);
  });

  it('reads ignoreDifferences with jq expressions and managers, group defaulting to core', () => {
    const { application } = parseApplication(withSpec({
      ignoreDifferences: [{ kind: 'ConfigMap', name: 'settings', namespace: 'web', jqPathExpressions: ['.data.generated'], managedFieldsManagers: ['kube-controller-manager'] }],
    }), 'a.yaml');
    assert.deepEqual(application.ignoreDifferences, [{
      group: '', kind: 'ConfigMap', name: 'settings', namespace: 'web', jsonPointers: [], jqPathExpressions: ['.data.generated'], managedFieldsManagers: ['kube-controller-manager'],
    }]);
  });

  it('reads Helm values given as a YAML string and warns when valuesObject overrides them', () => {
    const helm = { values: 'replicaCount: 2\n', valuesObject: { replicaCount: 3 } };
    const { application, warnings } = parseApplication(withSpec({ source: { ...minimal.spec.source, helm } }), 'a.yaml');
    assert.equal(application.source.helm?.values, 'replicaCount: 2\n');
    assert.deepEqual(warnings.map((w) => w.field), ['spec.source.helm.values']);
    assert.match(warnings[0]?.message ?? '', /valuesObject takes precedence/);
  });

  it('keeps nulls inside valuesObject, where Helm reads them as "remove this default"', () => {
    const helm = { valuesObject: { ingress: null, replicaCount: 1 } };
    const { application } = parseApplication(withSpec({ source: { ...minimal.spec.source, helm } }), 'a.yaml');
    assert.deepEqual(application.source.helm?.valuesObject, { ingress: null, replicaCount: 1 });
  });

  it('accepts JSON as well as YAML', () => {
    const { applications } = parseManifests(JSON.stringify(minimal), 'apps/guestbook.json');
    assert.equal(applications[0]?.name, 'guestbook');
  });
});
