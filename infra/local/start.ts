/**
 * `npm start`: the whole Sluice loop on one machine.
 *   1. the real-services stack (moto, etcd + kube-apiserver + controllers + kwok, git server, helm, kustomize)
 *   2. example repos on the local git server: the examples/ apps, and a config repo with their Applications
 *   3. the serverless pipeline: webhook and status functions behind an HTTP API, the worker on the queue,
 *      the drift scan on a timer; the local cluster registered as `local`
 *   4. a push to the config repo (as GitHub would send it), which loads the apps and syncs them
 * Then it prints where everything is and how to push a change. Ctrl-C stops everything.
 */
import { join } from 'node:path';
import { createApiToken } from '../../lib/api/index.js';
import { buildWorkerDeps, runtimeConfigFromEnv } from '../../lib/runtime/index.js';
import { createExampleRepos, type DemoRepo } from './demo-repos.js';
import { githubDelivery, pushPayload } from './github-delivery.js';
import { repoRoot } from './paths.js';
import { startLocalPipeline } from './pipeline.js';
import { startStack } from './stack.js';

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const log = (message: string) => console.log(`[sluice] ${message}`);

let sendPush: (repo: string) => void = () => undefined;
const stack = await startStack({ onGitPush: (repo) => sendPush(repo), onProgress: (m) => log(m) });
let pipeline: Awaited<ReturnType<typeof startLocalPipeline>> | undefined;

let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  log('stopping...');
  await pipeline?.stop();
  await stack.stop();
  process.exit(code);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

try {
  const repos = createExampleRepos(stack.info, join(repoRoot, 'examples'));
  const byName = new Map<string, DemoRepo>([[`${repos.apps.name}.git`, repos.apps], [`${repos.config.name}.git`, repos.config]]);
  pipeline = await startLocalPipeline(stack.info, {
    stage: 'local', configRepoURL: repos.config.url, driftIntervalMs: 30_000, port: Number(process.env.SLUICE_PORT ?? 0),
  });
  const webhookUrl = `${pipeline.url}/webhooks/github`;
  const secret = pipeline.webhookSecret;
  // The local git server's stand-in for GitHub's push webhook: every push is announced, signed.
  sendPush = (repoPath) => {
    const repo = byName.get(repoPath);
    if (!repo) return;
    const delivery = githubDelivery('push', pushPayload(repo.url, { after: repo.head(), pusher: 'you' }), secret);
    void fetch(webhookUrl, { method: 'POST', headers: delivery.headers, body: delivery.body })
      .then(async (res) => log(`push to ${repo.name} → webhook ${res.status} ${JSON.stringify(await res.json())}`))
      .catch((error: Error) => log(`webhook for ${repo.name} failed: ${error.message}`));
  };
  const { store } = buildWorkerDeps(runtimeConfigFromEnv());
  const { token } = await createApiToken(store, { name: 'local-admin', role: 'operate' });

  sendPush(`${repos.config.name}.git`);
  log(`waiting for ${repos.appNames.join(', ')} to be Synced and Healthy...`);
  const ready = await waitForApps(pipeline.url, token, repos.appNames, 180_000);
  log(ready ? `all example apps Synced and Healthy after ${elapsed()}` : `not all apps were Synced and Healthy after ${elapsed()}; see the status page`);

  console.log(`
Sluice is running locally.
  Status page        ${pipeline.url}/ui?token=${token}
  Status API         ${pipeline.url}/apps          (Authorization: Bearer ${token})
  GitHub webhook     ${webhookUrl}
  Kubernetes         ${stack.info.tools.kubectl} --kubeconfig ${stack.info.kube.adminKubeconfig} get all -A
  AWS (moto)         ${stack.info.aws.endpoint}
  CLI                SLUICE_SERVER=${pipeline.url} SLUICE_TOKEN=${token} npx tsx bin/sluice.ts app list

Push a change and watch it roll out:
  cd ${repos.apps.workDir}
  sed -i 's/replicas: 1/replicas: 3/' guestbook-plain/deployment.yaml
  git commit -am "scale the guestbook" && git push
Change an app's definition in ${repos.config.workDir}/apps the same way.
The drift scan runs every 30 s: edit an object with kubectl and watch selfHeal put it back.

Press Ctrl-C to stop.`);
} catch (error) {
  console.error(`[sluice] could not start: ${(error as Error).message}`);
  await stop(1);
}

async function waitForApps(url: string, token: string, names: string[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${url}/apps`, { headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
    if (res?.ok) {
      const { apps } = await res.json() as { apps: { name: string; sync: string; health: string }[] };
      const done = names.filter((n) => apps.some((a) => a.name === n && a.sync === 'Synced' && a.health === 'Healthy'));
      if (done.length === names.length) return true;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}
