import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshNamespace, kubeGet, kubeRequest } from '../harness/kube.js';
import { deploymentYaml } from '../harness/manifests.js';
import { waitFor } from '../harness/wait.js';

const deployment = (namespace: string) => deploymentYaml('web', { replicas: 2, namespace });

describe('kube-apiserver with controllers and kwok', () => {
  it('server-side applies a Deployment that kwok turns Available', async (t) => {
    const ns = await freshNamespace(t);
    const path = `/apis/apps/v1/namespaces/${ns}/deployments/web`;
    const applied = await kubeRequest('PATCH', `${path}?fieldManager=sluice&force=true`, deployment(ns), 'application/apply-patch+yaml');
    assert.equal(applied.status, 201, applied.body);

    type Deployment = { status?: { availableReplicas?: number; conditions?: { type: string; status: string }[] } };
    const available = await waitFor('the Deployment to become Available', async () => {
      const d = await kubeGet<Deployment>(path);
      return d.status?.conditions?.some((c) => c.type === 'Available' && c.status === 'True') && d.status.availableReplicas === 2 ? d : undefined;
    }, 90_000);
    assert.equal(available.status?.availableReplicas, 2);
  });

  it('denies the restricted identity by RBAC', async (t) => {
    const ns = await freshNamespace(t);
    const res = await kubeRequest('GET', `/api/v1/namespaces/${ns}/configmaps`, undefined, undefined, 'restricted');
    assert.equal(res.status, 403);
    assert.match(JSON.parse(res.body).message, /sluice-restricted/);
  });
});
