import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeForDiff } from '../../../lib/diff/index.js';
import type { KubeObject } from '../../../lib/kube/types.js';
import { ignoreRule, liveDeployment } from './objects.js';

type Container = { name: string; image: string; env?: unknown };
type PodSpec = { containers: Container[]; initContainers?: Container[] };
const spec = (object: KubeObject) => object.spec as { replicas?: number; template: { spec: PodSpec } };
const containers = (object: KubeObject) => spec(object).template.spec.containers;

function twoContainers(): KubeObject {
  const live = liveDeployment();
  containers(live).push({ name: 'sidecar', image: 'envoy:1.30' });
  return live;
}

describe('ignoreDifferences: which rules apply', () => {
  it('applies a rule whose group and kind match, or are *', () => {
    for (const rule of [{ group: 'apps', kind: 'Deployment' }, { group: '*', kind: 'Deployment' }, { group: 'apps', kind: '*' }]) {
      const { object } = normalizeForDiff(liveDeployment(), [ignoreRule({ ...rule, jsonPointers: ['/spec/replicas'] })]);
      assert.equal(spec(object).replicas, undefined, JSON.stringify(rule));
    }
  });

  it('matches group and kind as globs, as Argo CD does (argocd-cm keys such as *.crossplane.io_*)', () => {
    for (const rule of [{ group: 'app*', kind: 'Deploy*' }, { group: '{apps,batch}', kind: '?eployment' }]) {
      const { object } = normalizeForDiff(liveDeployment(), [ignoreRule({ ...rule, jsonPointers: ['/spec/replicas'] })]);
      assert.equal(spec(object).replicas, undefined, JSON.stringify(rule));
    }
    const { object } = normalizeForDiff(liveDeployment(), [ignoreRule({ group: '*.k8s.io', kind: '*', jsonPointers: ['/spec/replicas'] })]);
    assert.equal(spec(object).replicas, 2);
  });

  it('skips a rule for another group, kind, name or namespace', () => {
    for (const rule of [{ group: '', kind: 'Deployment' }, { kind: 'StatefulSet' }, { name: 'backend' }, { namespace: 'other' }]) {
      const { object } = normalizeForDiff(liveDeployment(), [ignoreRule({ ...rule, jsonPointers: ['/spec/replicas'] })]);
      assert.equal(spec(object).replicas, 2, JSON.stringify(rule));
    }
  });

  it('applies a rule naming this object by name and namespace', () => {
    const rule = ignoreRule({ group: 'apps', kind: 'Deployment', name: 'frontend', namespace: 'web', jsonPointers: ['/spec/replicas'] });
    assert.equal(spec(normalizeForDiff(liveDeployment(), [rule]).object).replicas, undefined);
  });
});

describe('ignoreDifferences: jsonPointers', () => {
  it('removes the field a pointer names', () => {
    const { object, warnings } = normalizeForDiff(liveDeployment(), [ignoreRule({ jsonPointers: ['/spec/template/spec/containers/0/image'] })]);
    assert.equal(containers(object)[0]!.image, undefined);
    assert.equal(containers(object)[0]!.name, 'web');
    assert.deepEqual(warnings, []);
  });

  it('decodes ~1 as / and ~0 as ~ in keys', () => {
    const live = liveDeployment();
    live.metadata.annotations = { ...live.metadata.annotations, 'example.com/owner': 'a', 'til~de': 'b', 'keep/me': 'c', 'x~1y': 'd' };
    const { object } = normalizeForDiff(live, [ignoreRule({ jsonPointers: ['/metadata/annotations/example.com~1owner', '/metadata/annotations/til~0de', '/metadata/annotations/x~01y'] })]);
    assert.equal(object.metadata.annotations?.['x~1y'], undefined);
    assert.equal(object.metadata.annotations?.['example.com/owner'], undefined);
    assert.equal(object.metadata.annotations?.['til~de'], undefined);
    assert.equal(object.metadata.annotations?.['keep/me'], 'c');
  });

  it('removes a list item by index', () => {
    const { object } = normalizeForDiff(twoContainers(), [ignoreRule({ jsonPointers: ['/spec/template/spec/containers/0'] })]);
    assert.deepEqual(containers(object).map((c) => c.name), ['sidecar']);
  });

  it('accepts a pointer to a field that does not exist', () => {
    const { object, warnings } = normalizeForDiff(liveDeployment(), [ignoreRule({ jsonPointers: ['/spec/nothing/here', '/spec/template/spec/containers/9/image'] })]);
    assert.deepEqual(object, normalizeForDiff(liveDeployment(), []).object);
    assert.deepEqual(warnings, []);
  });

  it('warns about a malformed pointer, naming the object, and goes on', () => {
    const { object, warnings } = normalizeForDiff(liveDeployment(), [ignoreRule({ jsonPointers: ['spec/replicas', '/spec/replicas'] })]);
    assert.equal(spec(object).replicas, undefined);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /^Deployment\/web\/frontend: ignoreDifferences jsonPointers "spec\/replicas"/);
  });
});

describe('ignoreDifferences: jqPathExpressions', () => {
  const ignoreJq = (live: KubeObject, ...expressions: string[]) => normalizeForDiff(live, [ignoreRule({ jqPathExpressions: expressions })]);

  it('removes a plain path', () => {
    assert.equal(spec(ignoreJq(liveDeployment(), '.spec.replicas').object).replicas, undefined);
  });

  it('removes a field from every item of a list with []', () => {
    const { object } = ignoreJq(twoContainers(), '.spec.template.spec.containers[].image');
    assert.deepEqual(containers(object).map((c) => c.image), [undefined, undefined]);
    assert.deepEqual(containers(object).map((c) => c.name), ['web', 'sidecar']);
  });

  it('removes a field only from the items select() keeps', () => {
    const { object, warnings } = ignoreJq(twoContainers(), '.spec.template.spec.containers[] | select(.name == "sidecar") | .image');
    assert.deepEqual(containers(object).map((c) => c.image), ['nginx:1.25', undefined]);
    assert.deepEqual(warnings, []);
  });

  it('removes whole list items that select() keeps, and supports !=', () => {
    assert.deepEqual(containers(ignoreJq(twoContainers(), '.spec.template.spec.containers[] | select(.name == "sidecar")').object).map((c) => c.name), ['web']);
    assert.deepEqual(containers(ignoreJq(twoContainers(), '.spec.template.spec.containers[] | select(.name != "sidecar")').object).map((c) => c.name), ['sidecar']);
  });

  it('removes several items of one list without shifting the others onto their places', () => {
    const live = twoContainers();
    containers(live).push({ name: 'web-2', image: 'x' }, { name: 'keep', image: 'y' });
    const { object } = ignoreJq(live, '.spec.template.spec.containers[] | select(.image != "y")');
    assert.deepEqual(containers(object).map((c) => c.name), ['keep']);
  });

  it('supports quoted keys, ["key"] and [n]', () => {
    const live = liveDeployment();
    live.metadata.annotations = { ...live.metadata.annotations, 'a.b/c': 'x', 'd.e/f': 'y' };
    const { object } = ignoreJq(live, '.metadata.annotations."a.b/c"', '.metadata.annotations["d.e/f"]', '.spec.template.spec.containers[0].env');
    assert.equal(object.metadata.annotations?.['a.b/c'], undefined);
    assert.equal(object.metadata.annotations?.['d.e/f'], undefined);
    assert.equal(containers(object)[0]!.env, undefined);
  });

  it('selects nothing through missing fields', () => {
    const { object, warnings } = ignoreJq(liveDeployment(), '.spec.template.spec.initContainers[] | select(.name == "x") | .image');
    assert.deepEqual(object, normalizeForDiff(liveDeployment(), []).object);
    assert.deepEqual(warnings, []);
  });

  it('warns about expressions it does not support instead of throwing or guessing', () => {
    for (const expression of ['.spec.replicas?', '.spec | del(.replicas)', '.. | .image', '.spec.template.spec.containers[] | select(.name | startswith("x"))', '.spec[', 'map(.x)']) {
      const { object, warnings } = ignoreJq(liveDeployment(), expression);
      assert.equal(warnings.length, 1, expression);
      assert.match(warnings[0]!, /^Deployment\/web\/frontend: ignoreDifferences jqPathExpressions .* not applied: unsupported by Sluice/);
      assert.equal(spec(object).replicas, 2, expression);
    }
  });
});

describe('ignoreDifferences: managedFieldsManagers', () => {
  const hpaOwnsReplicas = { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } };
  const injectorOwnsSidecar = {
    manager: 'injector', operation: 'Update', apiVersion: 'apps/v1', fieldsType: 'FieldsV1',
    fieldsV1: {
      'f:metadata': { 'f:annotations': { 'f:injected': {} } },
      'f:spec': { 'f:template': { 'f:spec': { 'f:containers': {
        'k:{"name":"sidecar"}': { '.': {}, 'f:name': {}, 'f:image': {} },
        'k:{"name":"web"}': { 'f:env': { 'k:{"name":"INJECTED"}': { '.': {}, 'f:name': {}, 'f:value': {} } } },
      } } } },
    },
  };

  function injected(): KubeObject {
    const live = twoContainers();
    live.metadata.annotations = { ...live.metadata.annotations, injected: 'true' };
    (containers(live)[0]!.env as unknown[]).push({ name: 'INJECTED', value: '1' });
    live.metadata.managedFields = [hpaOwnsReplicas, injectorOwnsSidecar];
    return live;
  }

  it('removes the fields the named managers own and keeps the others', () => {
    const { object } = normalizeForDiff(injected(), [ignoreRule({ managedFieldsManagers: ['kube-controller-manager'] })]);
    assert.equal(spec(object).replicas, undefined);
    assert.equal(containers(object).length, 2);
  });

  it('removes keyed list items, nested keyed items and map keys a manager owns', () => {
    const { object } = normalizeForDiff(injected(), [ignoreRule({ managedFieldsManagers: ['injector'] })]);
    assert.deepEqual(containers(object).map((c) => c.name), ['web']);
    assert.deepEqual(containers(object)[0]!.env, [{ name: 'MODE', value: 'prod' }, { name: 'PORT', value: '80' }]);
    assert.equal(object.metadata.annotations?.injected, undefined);
    assert.equal(spec(object).replicas, 2);
  });

  it('removes the same paths from another object using the given managedFields', () => {
    const predicted = injected();
    delete predicted.metadata.managedFields;
    spec(predicted).replicas = 5;
    const { object } = normalizeForDiff(predicted, [ignoreRule({ managedFieldsManagers: ['kube-controller-manager'] })], { managedFields: injected().metadata.managedFields });
    assert.equal(spec(object).replicas, undefined);
  });

  it('matches ports by containerPort and protocol, defaulting the protocol to TCP', () => {
    const desired: KubeObject = {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'web' },
      spec: { containers: [{ name: 'web', ports: [{ containerPort: 80 }, { containerPort: 81 }] }] },
    };
    const managedFields = [{ manager: 'm', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { 'f:ports': {
      'k:{"containerPort":81,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} },
    } } } } } }];
    const { object } = normalizeForDiff(desired, [ignoreRule({ managedFieldsManagers: ['m'] })], { managedFields });
    assert.deepEqual((object.spec as { containers: { ports: unknown }[] }).containers[0]!.ports, [{ containerPort: 80 }]);
  });

  it('removes set items by value and list items by index', () => {
    const object: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', finalizers: ['a', 'b', 'c'] }, data: { x: '1' }, list: ['p', 'q'] };
    const managedFields = [{ manager: 'm', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:finalizers': { 'v:"b"': {} } }, 'f:list': { 'i:1': {} } } }];
    const { object: normal } = normalizeForDiff(object, [ignoreRule({ managedFieldsManagers: ['m'] })], { managedFields });
    assert.deepEqual(normal.metadata.finalizers, ['a', 'c']);
    assert.deepEqual(normal.list, ['p']);
  });

  it('ignores managers that own nothing here and malformed entries', () => {
    const live = liveDeployment({ managedFields: [{ manager: 'other', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }, 'junk', { manager: 'ghost', fieldsV1: 'x' }, { manager: 'ghost', fieldsV1: { 'k:not json': {} } }] });
    const { object, warnings } = normalizeForDiff(live, [ignoreRule({ managedFieldsManagers: ['ghost'] })]);
    assert.equal(spec(object).replicas, 2);
    assert.deepEqual(warnings, []);
  });
});
