import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { desiredIsSubsetOfLive } from '../../../lib/diff/index.js';
import type { KubeObject } from '../../../lib/kube/types.js';
import { base64, desiredDeployment, ignoreRule, liveDeployment, secret } from './objects.js';

type Container = Record<string, unknown> & { name: string; env: Record<string, unknown>[]; ports: Record<string, unknown>[]; resources: { requests: Record<string, unknown> } };
const podSpec = (object: KubeObject) => (object.spec as { template: { spec: { containers: Container[] } & Record<string, unknown> } }).template.spec;
const container = (object: KubeObject, i = 0) => podSpec(object).containers[i]!;

function service(ports: Record<string, unknown>[], extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'frontend', namespace: 'web' }, spec: { selector: { app: 'frontend' }, ports, ...extra } };
}

describe('desiredIsSubsetOfLive', () => {
  it('is true when live holds everything desired sets, plus server defaults and status', () => {
    assert.equal(desiredIsSubsetOfLive(desiredDeployment(), liveDeployment()), true);
  });

  it('is false when a field desired sets differs', () => {
    assert.equal(desiredIsSubsetOfLive(desiredDeployment({ replicas: 3 }), liveDeployment()), false);
    assert.equal(desiredIsSubsetOfLive(desiredDeployment({ image: 'nginx:1.26' }), liveDeployment()), false);
  });

  it('is false when live lacks a field desired sets', () => {
    const desired = desiredDeployment();
    container(desired).args = ['--verbose'];
    assert.equal(desiredIsSubsetOfLive(desired, liveDeployment()), false);
  });

  it('ignores extra live fields owned by other managers', () => {
    const live = liveDeployment();
    live.metadata.labels = { ...live.metadata.labels, 'team': 'x' };
    podSpec(live).nodeSelector = { zone: 'a' };
    assert.equal(desiredIsSubsetOfLive(desiredDeployment(), live), true);
  });

  it('compares labels and annotations key by key', () => {
    const desired = desiredDeployment();
    desired.metadata.labels = { app: 'frontend', tier: 'web' };
    assert.equal(desiredIsSubsetOfLive(desired, liveDeployment()), false);
    const live = liveDeployment();
    live.metadata.labels = { app: 'frontend', tier: 'web', extra: 'yes' };
    assert.equal(desiredIsSubsetOfLive(desired, live), true);
    live.metadata.labels = { app: 'frontend', tier: 'api' };
    assert.equal(desiredIsSubsetOfLive(desired, live), false);
  });

  it('is false when live lacks the tracking annotation', () => {
    const live = liveDeployment();
    live.metadata.annotations = {};
    assert.equal(desiredIsSubsetOfLive(desiredDeployment(), live), false);
  });

  describe('keyed lists', () => {
    it('matches containers by name, whatever their order, and ignores containers added by others', () => {
      const live = liveDeployment();
      podSpec(live).containers.unshift({ name: 'sidecar', image: 'envoy', env: [], ports: [], resources: { requests: {} } });
      assert.equal(desiredIsSubsetOfLive(desiredDeployment(), live), true);
    });

    it('is false when a desired container is missing from live', () => {
      const live = liveDeployment();
      container(live).name = 'renamed';
      assert.equal(desiredIsSubsetOfLive(desiredDeployment(), live), false);
    });

    it('matches env by name and checks each value', () => {
      const live = liveDeployment();
      container(live).env.reverse();
      assert.equal(desiredIsSubsetOfLive(desiredDeployment(), live), true);
      container(live).env[0]!.value = 'changed';
      assert.equal(desiredIsSubsetOfLive(desiredDeployment(), live), false);
    });

    it('matches container ports by containerPort with protocol defaulted to TCP', () => {
      const live = liveDeployment();
      container(live).ports = [{ containerPort: 80, protocol: 'UDP' }];
      assert.equal(desiredIsSubsetOfLive(desiredDeployment(), live), false);
    });

    it('matches volumeMounts by mountPath', () => {
      const desired = desiredDeployment();
      container(desired).volumeMounts = [{ mountPath: '/data', name: 'data' }, { mountPath: '/cache', name: 'cache' }];
      const live = liveDeployment();
      container(live).volumeMounts = [{ mountPath: '/cache', name: 'cache' }, { mountPath: '/data', name: 'data', readOnly: false }];
      assert.equal(desiredIsSubsetOfLive(desired, live), true);
      container(live).volumeMounts = [{ mountPath: '/data', name: 'data' }];
      assert.equal(desiredIsSubsetOfLive(desired, live), false);
    });

    it('matches Service ports by port and protocol, and compares int-or-string targetPort sensibly', () => {
      const desired = service([{ name: 'http', port: 80, targetPort: '8080' }, { name: 'dns', port: 53, protocol: 'UDP' }]);
      const live = service([{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }, { name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }], { type: 'ClusterIP', clusterIP: '10.0.0.1', sessionAffinity: 'None' });
      assert.equal(desiredIsSubsetOfLive(desired, live), true);
      const moved = service([{ name: 'http', port: 80, protocol: 'TCP', targetPort: 9090 }, { name: 'dns', port: 53, protocol: 'UDP' }]);
      assert.equal(desiredIsSubsetOfLive(desired, moved), false);
    });
  });

  describe('scalar lists and values', () => {
    it('compares scalar lists in order and in full', () => {
      const desired = desiredDeployment();
      container(desired).args = ['a', 'b'];
      const live = liveDeployment();
      container(live).args = ['a', 'b'];
      assert.equal(desiredIsSubsetOfLive(desired, live), true);
      container(live).args = ['b', 'a'];
      assert.equal(desiredIsSubsetOfLive(desired, live), false);
      container(live).args = ['a', 'b', 'c'];
      assert.equal(desiredIsSubsetOfLive(desired, live), false);
    });

    it('treats a number and its decimal string as equal', () => {
      const desired = desiredDeployment();
      (desired.spec as Record<string, unknown>).replicas = '2';
      assert.equal(desiredIsSubsetOfLive(desired, liveDeployment()), true);
      (desired.spec as Record<string, unknown>).replicas = '2x';
      assert.equal(desiredIsSubsetOfLive(desired, liveDeployment()), false);
    });

    it('compares resource quantities by value (500m = 0.5, 1Gi = 1024Mi) and tells real changes apart', () => {
      assert.equal(desiredIsSubsetOfLive(desiredDeployment(), liveDeployment()), true); // fixture spells them differently
      const live = liveDeployment();
      container(live).resources.requests.cpu = '600m';
      assert.equal(desiredIsSubsetOfLive(desiredDeployment(), live), false);
    });

    it('does not compare strings as quantities outside resource fields', () => {
      const desired = desiredDeployment();
      desired.metadata.labels = { app: 'frontend', version: '1.0' };
      const live = liveDeployment();
      live.metadata.labels = { app: 'frontend', version: '1' };
      assert.equal(desiredIsSubsetOfLive(desired, live), false);
    });

    it('treats empty or null desired values as agreeing with an absent live field', () => {
      const desired = desiredDeployment();
      container(desired).securityContext = {};
      container(desired).command = [];
      desired.metadata.creationTimestamp = null;
      desired.status = {};
      assert.equal(desiredIsSubsetOfLive(desired, liveDeployment()), true);
    });
  });

  it('skips paths the ignore rules name', () => {
    const live = liveDeployment({ replicas: 5 });
    assert.equal(desiredIsSubsetOfLive(desiredDeployment(), live), false);
    assert.equal(desiredIsSubsetOfLive(desiredDeployment(), live, [ignoreRule({ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] })]), true);
    assert.equal(desiredIsSubsetOfLive(desiredDeployment(), live, [ignoreRule({ jqPathExpressions: ['.spec.replicas'] })]), true);
  });

  it('skips fields owned by managers the ignore rules name', () => {
    const live = liveDeployment({ replicas: 5 });
    (live.metadata.managedFields as unknown[]).push({ manager: 'hpa', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } });
    assert.equal(desiredIsSubsetOfLive(desiredDeployment(), live, [ignoreRule({ managedFieldsManagers: ['hpa'] })]), true);
  });

  it('is false when desired stopped setting a field Sluice applied before, since the apply would remove it', () => {
    const desired = desiredDeployment();
    desired.metadata.labels = {};
    assert.equal(desiredIsSubsetOfLive(desired, liveDeployment()), false);
    const noEnv = desiredDeployment();
    container(noEnv).env = [{ name: 'MODE', value: 'prod' }];
    assert.equal(desiredIsSubsetOfLive(noEnv, liveDeployment()), false);
  });

  it('counts only fields applied by its own field manager', () => {
    const desired = desiredDeployment();
    desired.metadata.labels = {};
    assert.equal(desiredIsSubsetOfLive(desired, liveDeployment(), [], { fieldManager: 'someone-else' }), true);
  });

  it('compares a Git Secret written with stringData to the stored data', () => {
    const live = secret({ data: { password: base64('s3cr3t') } });
    assert.equal(desiredIsSubsetOfLive(secret({ stringData: { password: 's3cr3t' } }), live), true);
    assert.equal(desiredIsSubsetOfLive(secret({ stringData: { password: 'other' } }), live), false);
  });
});
