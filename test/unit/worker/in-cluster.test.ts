import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isInClusterDestination, type ClusterRecord } from '../../../lib/model/index.js';
import { isDestinationPermitted } from '../../../lib/policy/index.js';
import type { SecretStore } from '../../../lib/secrets/index.js';
import { ClusterClients } from '../../../lib/worker/clusters.js';

const management: ClusterRecord = { name: 'management', server: 'https://10.0.0.1:6443', secretRef: 'sluice/test/clusters/management', inCluster: true };
const prod: ClusterRecord = { name: 'prod', server: 'https://prod.example.com', secretRef: 'sluice/test/clusters/prod' };
/** Any secret lookup fails: resolving the in-cluster destination must not need one. */
const noSecrets = { getClusterCredentials: () => Promise.reject(new Error('no secret')) } as unknown as SecretStore;
const clients = (records: ClusterRecord[]) => new ClusterClients({ secrets: noSecrets, stage: 'test', records: () => records });

describe("Argo CD's in-cluster destination", () => {
  it('recognises https://kubernetes.default.svc (any trailing slash or :443) and the name in-cluster', () => {
    for (const server of ['https://kubernetes.default.svc', 'https://kubernetes.default.svc/', 'https://kubernetes.default.svc:443']) {
      assert.equal(isInClusterDestination({ server }), true, server);
    }
    assert.equal(isInClusterDestination({ name: 'in-cluster' }), true);
    assert.equal(isInClusterDestination({ server: 'https://kubernetes.default.svc.example.com' }), false);
    assert.equal(isInClusterDestination({ name: 'prod' }), false);
  });

  it('means the cluster marked --in-cluster, by server or by name', async () => {
    assert.equal((await clients([prod, management]).resolve({ server: 'https://kubernetes.default.svc' })).name, 'management');
    assert.equal((await clients([prod, management]).resolve({ name: 'in-cluster', namespace: 'web' })).name, 'management');
  });

  it('prefers a cluster registered under that very name or URL', async () => {
    const named = { ...prod, name: 'in-cluster' };
    assert.equal((await clients([management, named]).resolve({ name: 'in-cluster' })).server, prod.server);
  });

  it('says exactly what to run when no cluster is marked', async () => {
    await assert.rejects(clients([prod]).resolve({ server: 'https://kubernetes.default.svc' }),
      /^SluiceError: destination server https:\/\/kubernetes\.default\.svc is Argo CD's in-cluster destination, and no registered cluster is marked as the one it means; mark one with `sluice cluster add <name> --kubeconfig <file> --in-cluster`/);
    await assert.rejects(clients([]).resolve({ name: 'in-cluster' }), /destination name "in-cluster" is Argo CD's in-cluster destination/);
  });

  it('lets project destinations written for in-cluster permit the marked cluster, and only it', () => {
    assert.equal(isDestinationPermitted([{ server: 'https://kubernetes.default.svc', namespace: '*' }], management, 'web'), true);
    assert.equal(isDestinationPermitted([{ name: 'in-cluster', namespace: '*' }], management, 'web'), true);
    assert.equal(isDestinationPermitted([{ server: 'https://kubernetes.default.svc', namespace: '*' }], prod, 'web'), false);
    assert.equal(isDestinationPermitted([{ server: '*', namespace: '*' }, { server: '!https://kubernetes.default.svc' }], management, 'web'), false);
  });
});
