/**
 * `npm start`: the whole local loop on one machine. For now: builds what is missing, starts the
 * real-services stack (moto, etcd, kube-apiserver with controllers and a kwok node, git server),
 * prints what runs where, and stops everything cleanly on Ctrl-C.
 */
import { startStack } from './stack.js';

const stack = await startStack({ keepRunDir: false });
const { info } = stack;
console.log(`
Sluice local stack is running.
  AWS (moto: SQS, DynamoDB, Secrets Manager)  ${info.aws.endpoint}  (region ${info.aws.region}, any credentials)
  Kubernetes API server                       ${info.kube.server}
    admin kubeconfig                          ${info.kube.adminKubeconfig}
    try:                                      ${info.tools.kubectl} --kubeconfig ${info.kube.adminKubeconfig} get nodes
  Git smart-HTTP server                       ${info.git.url}  (repos under ${info.git.root})
  helm / kustomize                            ${info.tools.helm} / ${info.tools.kustomize}
  stack description (for tests: SLUICE_STACK) ${stack.file}

Press Ctrl-C to stop.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping...');
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
