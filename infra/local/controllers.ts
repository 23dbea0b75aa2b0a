import { join } from 'node:path';
import { ManagedProcess } from './process.js';
import { toolPath } from './paths.js';
import type { Pki } from './pki.js';

/** kube-controller-manager and kube-scheduler, so Deployments roll out and Pods get nodes. */
export function startControllers(runDir: string, adminKubeconfig: string, pki: Pki): ManagedProcess[] {
  const controllerManager = new ManagedProcess({
    name: 'kube-controller-manager',
    command: toolPath('kube-controller-manager'),
    args: [
      `--kubeconfig=${adminKubeconfig}`, '--leader-elect=false', '--secure-port=0',
      `--service-account-private-key-file=${pki.serviceAccountKey}`, `--root-ca-file=${pki.caCert}`,
      `--cluster-signing-cert-file=${pki.caCert}`, `--cluster-signing-key-file=${pki.caKey}`,
      '--use-service-account-credentials=false', '--controllers=*', '--v=1',
    ],
    logFile: join(runDir, 'kube-controller-manager.log'),
  });
  const scheduler = new ManagedProcess({
    name: 'kube-scheduler',
    command: toolPath('kube-scheduler'),
    args: [`--kubeconfig=${adminKubeconfig}`, '--leader-elect=false', '--secure-port=0', '--v=1'],
    logFile: join(runDir, 'kube-scheduler.log'),
  });
  return [controllerManager, scheduler];
}
