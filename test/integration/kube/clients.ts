import { readFileSync } from 'node:fs';
import type { TestContext } from 'node:test';
import { randomBytes } from 'node:crypto';
import { KubeClient, type KubeClientOptions } from '../../../lib/kube/index.js';
import type { ClusterCredentials } from '../../../lib/model/types.js';
import { kubeRequest } from '../../harness/kube.js';
import { stack } from '../../harness/stack.js';

const read = (path: string) => readFileSync(path, 'utf8');

export function adminCredentials(): ClusterCredentials {
  const { kube } = stack;
  return { server: kube.server, caData: read(kube.caFile), clientCertData: read(kube.admin.cert), clientKeyData: read(kube.admin.key) };
}

export function restrictedCredentials(): ClusterCredentials {
  const { kube } = stack;
  return { server: kube.server, caData: read(kube.caFile), token: kube.restricted.token };
}

/** A client as the admin (client certificate), closed when the test ends. */
export function adminClient(t: TestContext, options: KubeClientOptions = {}): KubeClient {
  const client = KubeClient.fromCredentials(adminCredentials(), options);
  t.after(() => client.close());
  return client;
}

export function restrictedClient(t: TestContext): KubeClient {
  const client = KubeClient.fromCredentials(restrictedCredentials());
  t.after(() => client.close());
  return client;
}

/** A namespaced CustomResourceDefinition in a group unique to the test, deleted when the test ends. */
export async function createCrd(t: TestContext, schema: Record<string, unknown> = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }) {
  const group = `t${randomBytes(4).toString('hex')}.sluice.test`;
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
    metadata: { name: `widgets.${group}` },
    spec: {
      group, scope: 'Namespaced',
      names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema } }],
    },
  };
  const res = await kubeRequest('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd);
  if (res.status !== 201) throw new Error(`creating CRD: ${res.status} ${res.body}`);
  t.after(async () => { await kubeRequest('DELETE', `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.${group}`); });
  // Established is not yet served: discovery lags behind it, more so on a busy API server.
  for (let waited = 0; (await kubeRequest('GET', `/apis/${group}/v1`)).status !== 200; waited += 100) {
    if (waited > 30_000) throw new Error(`CRD widgets.${group}: not in discovery after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { group, apiVersion: `${group}/v1`, name: `widgets.${group}` };
}

export function deploymentManifest(namespace: string | undefined, name = 'web', labels: Record<string, string> = { app: name }) {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'registry.invalid/web:1.0' }] } },
    },
  };
}
