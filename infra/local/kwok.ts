import { join } from 'node:path';
import { httpsRequest, type TlsClient } from './https.js';
import { ManagedProcess } from './process.js';
import { toolPath } from './paths.js';
import { freePort } from './ports.js';

export const fakeNodeName = 'kwok-node-0';

const fakeNode = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: fakeNodeName,
    annotations: { 'kwok.x-k8s.io/node': 'fake', 'node.alpha.kubernetes.io/ttl': '0' },
    labels: {
      'kubernetes.io/arch': 'amd64', 'kubernetes.io/os': 'linux',
      'kubernetes.io/hostname': fakeNodeName, 'type': 'kwok',
    },
  },
  status: {
    allocatable: { cpu: '32', memory: '256Gi', pods: '250' },
    capacity: { cpu: '32', memory: '256Gi', pods: '250' },
  },
};

/** kwok manages one fake node, untainted, so ordinary Pods are scheduled onto it and become Running and Ready. */
export async function startKwok(runDir: string, apiUrl: string, adminKubeconfig: string, admin: TlsClient, stagesFile: string): Promise<ManagedProcess> {
  const proc = new ManagedProcess({
    name: 'kwok',
    command: toolPath('kwok'),
    args: [
      `--kubeconfig=${adminKubeconfig}`, `--config=${stagesFile}`,
      '--manage-all-nodes=false', '--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake',
      `--server-address=127.0.0.1:${await freePort()}`, '--cidr=10.244.0.1/16', '--node-ip=10.244.0.1',
    ],
    logFile: join(runDir, 'kwok.log'),
  });
  const created = await httpsRequest(`${apiUrl}/api/v1/nodes`, admin, 'POST', JSON.stringify(fakeNode));
  if (created.status !== 201 && created.status !== 409) throw new Error(`creating the kwok node failed: ${created.status} ${created.body}`);
  await proc.waitUntil(async () => {
    const node = JSON.parse((await httpsRequest(`${apiUrl}/api/v1/nodes/${fakeNodeName}`, admin)).body) as {
      status?: { conditions?: { type: string; status: string }[] };
    };
    return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  }, 60_000, `managing a Ready node ${fakeNodeName}`);
  return proc;
}
