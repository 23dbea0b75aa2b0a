import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster, type ClusterInfo } from './cluster.js';
import { startChartServers, type ChartServersInfo } from './chart-servers.js';
import { startEksAuthenticator, webhookKubeconfig } from './eks-authenticator.js';
import { startGitServer, type BasicAuth, type OnPush } from './git-server.js';
import { startMoto } from './moto.js';
import type { ManagedProcess } from './process.js';
import { ensureTools, type ToolPaths } from './tools.js';

/** Everything a test or a local run needs to reach the running stack. Serialised to `stack.json`. */
export interface StackInfo {
  runDir: string;
  aws: { endpoint: string; region: string; accessKeyId: string; secretAccessKey: string };
  kube: ClusterInfo;
  /** `accessLog`: every request the git server answered, one `METHOD path?query` line each. */
  git: { url: string; root: string; auth?: BasicAuth; accessLog: string };
  /** The local cluster also takes EKS tokens signed for `clusterName`, mapped by the entries in `accessEntriesFile`. */
  eks: { clusterName: string; accessEntriesFile: string };
  /** A Helm repository over HTTP and two OCI registries (one with basic auth) to publish test charts to. */
  charts: ChartServersInfo;
  tools: ToolPaths;
}

export interface LocalStack {
  info: StackInfo;
  /** Path of the JSON file holding `info`; tests find it through SLUICE_STACK. */
  file: string;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Put the git server behind basic auth. */
  gitAuth?: BasicAuth;
  /** Called after each push the git server receives (the local stand-in for GitHub's push webhook). */
  onGitPush?: OnPush;
  onProgress?: (message: string) => void;
  /** Keep logs and data after stop (also SLUICE_KEEP_RUN=1). */
  keepRunDir?: boolean;
}

/** Builds what is missing, then starts moto, the Kubernetes control plane with kwok, and the git server. */
export async function startStack(options: StackOptions = {}): Promise<LocalStack> {
  const progress = options.onProgress ?? ((message: string) => console.error(`[stack] ${message}`));
  const started = Date.now();
  const tools = ensureTools();
  const runDir = mkdtempSync(join(tmpdir(), 'sluice-'));
  const gitRoot = join(runDir, 'git');
  mkdirSync(gitRoot);

  const processes: ManagedProcess[] = [];
  const closers: (() => Promise<void>)[] = [];
  const stopAll = () => Promise.all([...processes.map((p) => p.stop()), ...closers.map((close) => close())]);
  try {
    let stsEndpoint: string | undefined;
    const aws = { region: 'us-east-1', accessKeyId: 'testing', secretAccessKey: 'testing' };
    const eks = await startEksAuthenticator({
      sts: () => stsEndpoint, staticKeys: { [aws.accessKeyId]: aws.secretAccessKey }, clusterName: 'sluice-local', accessEntriesFile: join(runDir, 'eks-access-entries.json'),
    });
    closers.push(eks.close);
    const webhookConfig = join(runDir, 'eks-authenticator.kubeconfig');
    writeFileSync(webhookConfig, webhookKubeconfig(eks.url));
    const [motoResult, clusterResult] = await Promise.allSettled([startMoto(runDir, progress), startCluster(runDir, tools.kwokStages, progress, webhookConfig)]);
    if (motoResult.status === 'fulfilled') processes.push(motoResult.value.process);
    if (clusterResult.status === 'fulfilled') processes.push(...clusterResult.value.processes);
    if (motoResult.status === 'rejected') throw motoResult.reason;
    if (clusterResult.status === 'rejected') throw clusterResult.reason;
    const [moto, cluster] = [motoResult.value, clusterResult.value];
    stsEndpoint = moto.endpoint;
    progress(`moto_server ready at ${moto.endpoint}`);
    const gitAccessLog = join(runDir, 'git-access.log');
    const git = await startGitServer(gitRoot, options.gitAuth, (repo) => options.onGitPush?.(repo), gitAccessLog);
    progress(`git smart-HTTP server at ${git.url}`);
    const charts = await startChartServers(runDir);
    processes.push(...charts.processes);
    closers.push(charts.close);
    progress(`Helm repository at ${charts.info.helmRepoUrl}, OCI registries at ${charts.info.registry} and ${charts.info.authRegistry} (basic auth)`);

    const info: StackInfo = {
      runDir,
      aws: { endpoint: moto.endpoint, ...aws },
      kube: cluster.info,
      git: { url: git.url, root: gitRoot, auth: options.gitAuth, accessLog: gitAccessLog },
      eks: { clusterName: eks.clusterName, accessEntriesFile: eks.accessEntriesFile },
      charts: charts.info,
      tools,
    };
    const file = join(runDir, 'stack.json');
    writeFileSync(file, JSON.stringify(info, null, 2), { mode: 0o600 });
    progress(`stack up in ${((Date.now() - started) / 1000).toFixed(1)} s (logs in ${runDir})`);

    return {
      info,
      file,
      async stop() {
        await git.close();
        await stopAll();
        if (!options.keepRunDir && !process.env.SLUICE_KEEP_RUN) rmSync(runDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
