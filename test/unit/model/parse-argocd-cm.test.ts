import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isExcludedResource, loadRegistry, parseArgoCdCm, withLastGood, type ResourceSettings } from '../../../lib/model/index.js';
import { readYamlDocuments } from '../../../lib/model/yaml-documents.js';

/** Parses the first document of a YAML text as an argocd-cm. */
function parse(yaml: string) {
  const [document] = readYamlDocuments(yaml, 'argocd-cm.yaml').documents;
  return parseArgoCdCm(document!.value, 'argocd-cm.yaml', document!.lineOf);
}

const header = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: argocd-cm\n  namespace: argocd\ndata:\n';
const issues = (list: { field: string; message: string }[]) => list.map((issue) => [issue.field, issue.message]);

describe('parseArgoCdCm', () => {
  it('reads split health keys: <group>_<kind>, <kind> alone for the core group, wildcards, useOpenLibs', () => {
    const parsed = parse(`${header}  resource.customizations.health.cert-manager.io_Certificate: |
    hs = {}
    return hs
  resource.customizations.useOpenLibs.cert-manager.io_Certificate: "true"
  resource.customizations.health.PersistentVolumeClaim: |
    return { status = "Healthy" }
  resource.customizations.health.*.crossplane.io_*: |
    return { status = "Healthy" }
`);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.warnings, []);
    assert.deepEqual(parsed.settings.health, [
      { key: 'resource.customizations.health.cert-manager.io_Certificate', groupKind: 'cert-manager.io/Certificate', script: 'hs = {}\nreturn hs\n', useOpenLibs: true },
      { key: 'resource.customizations.health.PersistentVolumeClaim', groupKind: 'PersistentVolumeClaim', script: 'return { status = "Healthy" }\n', useOpenLibs: false },
      { key: 'resource.customizations.health.*.crossplane.io_*', groupKind: '*.crossplane.io/*', script: 'return { status = "Healthy" }\n', useOpenLibs: false },
    ]);
  });

  it('reads split ignoreDifferences keys, `all` for every kind', () => {
    const parsed = parse(`${header}  resource.customizations.ignoreDifferences.admissionregistration.k8s.io_MutatingWebhookConfiguration: |
    jsonPointers:
    - /webhooks/0/clientConfig/caBundle
    jqPathExpressions:
    - .webhooks[0].clientConfig.caBundle
  resource.customizations.ignoreDifferences.all: |
    managedFieldsManagers:
    - kube-controller-manager
  resource.customizations.ignoreDifferences.Service: ""
`);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.settings.ignoreDifferences, [
      { group: 'admissionregistration.k8s.io', kind: 'MutatingWebhookConfiguration', jsonPointers: ['/webhooks/0/clientConfig/caBundle'], jqPathExpressions: ['.webhooks[0].clientConfig.caBundle'], managedFieldsManagers: [] },
      { group: '*', kind: '*', jsonPointers: [], jqPathExpressions: [], managedFieldsManagers: ['kube-controller-manager'] },
    ]);
  });

  it('reads the block form resource.customizations, and lets split keys win over it', () => {
    const parsed = parse(`${header}  resource.customizations: |
    argoproj.io/Rollout:
      health.lua: |
        return { status = "Healthy" }
      health.lua.useOpenLibs: true
      ignoreDifferences: |
        jsonPointers:
        - /spec/replicas
    Pod:
      health.lua: return { status = "Degraded" }
      actions: |
        discovery.lua: return {}
  resource.customizations.health.Pod: return { status = "Suspended" }
`);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(issues(parsed.warnings), [['data["resource.customizations"].Pod.actions', 'resource actions are not supported by Sluice yet; ignored (line 7)']]);
    assert.deepEqual(parsed.settings.health, [
      { key: 'resource.customizations["argoproj.io/Rollout"]["health.lua"]', groupKind: 'argoproj.io/Rollout', script: 'return { status = "Healthy" }\n', useOpenLibs: true },
      { key: 'resource.customizations.health.Pod', groupKind: 'Pod', script: 'return { status = "Suspended" }', useOpenLibs: false },
    ]);
    assert.deepEqual(parsed.settings.ignoreDifferences, [{ group: 'argoproj.io', kind: 'Rollout', jsonPointers: ['/spec/replicas'], jqPathExpressions: [], managedFieldsManagers: [] }]);
  });

  it('reads resource.exclusions and resource.inclusions, and decides as Argo CD', () => {
    const parsed = parse(`${header}  resource.exclusions: |
    - apiGroups:
      - "*.example.com"
      kinds:
      - "*"
      clusters:
      - https://staging-*
    - apiGroups: [""]
      kinds: [Event]
  resource.inclusions: |
    - apiGroups: ["", apps, "*.example.com"]
`);
    assert.deepEqual(parsed.errors, []);
    const settings = parsed.settings;
    assert.deepEqual(settings.exclusions, [
      { apiGroups: ['*.example.com'], kinds: ['*'], clusters: ['https://staging-*'] },
      { apiGroups: [''], kinds: ['Event'], clusters: [] },
    ]);
    assert.equal(isExcludedResource(settings, 'db.example.com', 'Database', 'https://staging-eu'), true);
    assert.equal(isExcludedResource(settings, 'db.example.com', 'Database', 'https://prod-eu'), false);
    assert.equal(isExcludedResource(settings, '', 'event', 'https://prod-eu'), true, 'kinds compare case-insensitively');
    assert.equal(isExcludedResource(settings, 'apps', 'Deployment', 'https://prod-eu'), false);
    assert.equal(isExcludedResource(settings, 'batch', 'Job', 'https://prod-eu'), true, 'inclusions given: what none includes is excluded');
  });

  it('reports each bad entry naming its key and line, and loads the rest', () => {
    const parsed = parse(`${header}  resource.customizations.health.apps_Deployment_x: return {}
  resource.customizations.healht.apps_Deployment: return {}
  resource.customizations.useOpenLibs.apps_Deployment: "yes"
  resource.customizations.ignoreDifferences.apps_Deployment: |
    jsonPointers: /spec/replicas
  resource.exclusions: |
    - apiGroups: [apps
  resource.inclusions: |
    - kinds: [Deployment]
      clusters: ["[b-a]"]
  resource.customizations.health.apps_StatefulSet: return { status = "Healthy" }
  resource.customizations.useOpenLibs.batch_Job: "true"
  resource.customizations.health.batch_job: return { status = "Healthy" }
  resource.customizations.health._Pod: return { status = "Healthy" }
  resource.customizations.actions.apps_Deployment: "{}"
  resource.compareoptions: "ignoreAggregatedRoles: true"
  url: https://argocd.example.com
  dex.config: ""
`);
    assert.deepEqual(issues(parsed.errors), [
      ['data["resource.customizations.health.apps_Deployment_x"]', 'expected <group>_<kind> after the type (<kind> alone for the core group, "all" for every kind), got "apps_Deployment_x" (line 7)'],
      ['data["resource.customizations.healht.apps_Deployment"]', 'unknown customization type "healht"; did you mean "health"? (line 8)'],
      ['data["resource.customizations.useOpenLibs.apps_Deployment"]', 'expected "true" or "false", got "yes" (line 9)'],
      ['data["resource.customizations.ignoreDifferences.apps_Deployment"].jsonPointers', 'expected a list, got a string (line 11)'],
      ['data["resource.exclusions"]', 'is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (line 14, column 1)'],
      ['data["resource.inclusions"][0].clusters[0]', '"[b-a]" is not a valid pattern: a reversed range "b-a" (line 16)'],
    ]);
    assert.deepEqual(issues(parsed.warnings), [
      ['data["resource.customizations.health.batch_job"]', 'kind "job" starts with a lowercase letter; kinds are matched exactly (Job?) (line 19)'],
      ['data["resource.customizations.health._Pod"]', 'a core kind is written without the underscore (…Pod); Argo CD would never match "_Pod", Sluice reads it as Pod (line 20)'],
      ['data["resource.customizations.actions.apps_Deployment"]', 'resource actions are not supported by Sluice yet; ignored (line 21)'],
      ['data["resource.compareoptions"]', 'not supported by Sluice yet; ignored (line 22)'],
      ['data', 'keys url, dex.config are Argo CD server settings, which Sluice does not use; ignored (line 6)'],
      ['data["resource.customizations.useOpenLibs.batch_Job"]', 'there is no health script for batch/Job, so this does nothing (line 18)'],
    ]);
    assert.deepEqual(parsed.settings.health.map((h) => h.groupKind), ['apps/StatefulSet', 'batch/job', 'Pod']);
    assert.deepEqual(parsed.settings.exclusions, []);
  });

  it('reports a data value that is not a string, and data that is not a mapping', () => {
    assert.deepEqual(issues(parse(`${header}  resource.customizations.useOpenLibs.apps_Deployment: true\n`).errors), [
      ['data["resource.customizations.useOpenLibs.apps_Deployment"]', 'expected a string (ConfigMap data values are strings), got a boolean; put the value in quotes or write it as a block (resource.customizations.useOpenLibs.apps_Deployment: |) (line 7)'],
    ]);
    assert.deepEqual(issues(parse(`${header}  - a\n`).errors), [['data', 'expected a mapping of keys to strings, got a list (line 6)']]);
  });
});

describe('the argocd-cm in a config repo', () => {
  const app = 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: web\nspec:\n  source:\n    repoURL: https://github.com/example/apps.git\n  destination:\n    server: https://kubernetes.default.svc\n';
  const cm = (script: string) => `${header}  resource.customizations.health.example.com_Widget: ${JSON.stringify(script)}\n`;

  it('loads beside the apps, recorded with its file; other ConfigMaps are still only warned about', () => {
    const registry = loadRegistry([
      { path: 'apps.yaml', content: app },
      { path: 'settings/argocd-cm.yaml', content: `${cm('return { status = "Healthy" }')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: argocd-rbac-cm\n` },
    ]);
    assert.deepEqual(registry.errors, []);
    assert.equal(registry.files['ConfigMap/argocd-cm'], 'settings/argocd-cm.yaml');
    assert.deepEqual(registry.resourceSettings?.health.map((h) => h.groupKind), ['example.com/Widget']);
    assert.deepEqual(registry.warnings.map((w) => w.message), ['ConfigMap (v1) is not an Argo CD Application or AppProject; ignored (line 10)']);
    assert.equal(loadRegistry([{ path: 'apps.yaml', content: app }]).resourceSettings, undefined);
  });

  it('keeps the first of two argocd-cm ConfigMaps', () => {
    const registry = loadRegistry([{ path: 'a.yaml', content: cm('return { status = "Healthy" }') }, { path: 'b.yaml', content: cm('return { status = "Degraded" }') }]);
    assert.match(registry.resourceSettings?.health[0]?.script ?? '', /Healthy/);
    assert.deepEqual(registry.errors.map((e) => [e.file, e.field]), [['b.yaml', 'metadata.name']]);
    assert.deepEqual(registry.broken, []);
  });

  it('keeps the last good settings whole while the argocd-cm has a broken entry or does not parse', () => {
    const good = loadRegistry([{ path: 'argocd-cm.yaml', content: cm('return { status = "Healthy" }') }]);
    const previous = { applications: [], projects: [], files: good.files, resourceSettings: good.resourceSettings };
    const broken = loadRegistry([{ path: 'argocd-cm.yaml', content: `${cm('return { status = "Degraded" }')}  resource.customizations.useOpenLibs.example.com_Widget: "maybe"\n` }]);
    assert.equal(broken.resourceSettingsIncomplete, true);
    const kept = withLastGood(broken, previous);
    assert.equal(kept.staleResourceSettings, true);
    assert.equal(kept.resourceSettings, good.resourceSettings);
    const unreadable = withLastGood(loadRegistry([{ path: 'argocd-cm.yaml', content: `${cm('x')}  bad: [\n` }]), previous);
    assert.deepEqual([unreadable.staleResourceSettings, unreadable.resourceSettings, unreadable.files['ConfigMap/argocd-cm']], [true, good.resourceSettings, 'argocd-cm.yaml']);
    const fixed = withLastGood(loadRegistry([{ path: 'argocd-cm.yaml', content: cm('return { status = "Degraded" }') }]), previous);
    assert.equal(fixed.staleResourceSettings, false);
    assert.match(fixed.resourceSettings?.health[0]?.script ?? '', /Degraded/);
    const removed = withLastGood(loadRegistry([]), previous);
    assert.equal(removed.resourceSettings, undefined as ResourceSettings | undefined);
  });
});
