import { stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { type AppDetail, type DiffView, type RevisionDiff, describeApp, diffView, summarizeApp } from '../../api/index.js';
import { formatRef, KubeClient } from '../../kube/index.js';
import { isChildObject, issueText, type AppProject, type Application, type Registry } from '../../model/index.js';
import { render } from '../../render/index.js';
import { resolveRevision } from '../../source/index.js';
import { diffApp, prepareTargetSettings, renderRevision, syncApp, type SyncTarget, type TargetSettings } from '../../sync/index.js';
import type { OperationResult } from '../../result/index.js';
import { mapLimit } from '../../util/index.js';
import type { AppBackend, AppList, DiffRequest } from '../backend.js';
import { CliError } from '../errors.js';
import type { LocalMode } from '../mode.js';
import { localCacheDir } from './cache-dir.js';
import { statusFromDiff } from './diff-status.js';
import { currentContextOf } from './kubeconfig-context.js';
import { loadAppsDir } from './load-apps-dir.js';
import { checkDestination, type LocalCluster } from './local-destination.js';
import { readLiveResources } from './live-resources.js';

export interface LocalSyncRequest {
  revision?: string;
  /** Prune objects that left Git; default the app's automated.prune, as a manual sync through the API. */
  prune?: boolean;
  dryRun?: boolean;
}

interface Rendered {
  revision: string;
  manifests: Awaited<ReturnType<typeof render>>['manifests'];
}

const isSha = (value: string) => /^[0-9a-f]{40}$/i.test(value);

/**
 * The app commands in local mode: the engine runs in this process against the kubeconfig's cluster, with the
 * apps read from a directory. Nothing is recorded: an app's status is what a live diff says now.
 */
export class LocalBackend implements AppBackend {
  readonly kind = 'local';

  private constructor(
    private readonly registry: Registry,
    private readonly client: KubeClient,
    readonly cluster: LocalCluster,
    private readonly mode: LocalMode,
    private readonly cacheDir: string,
    private readonly warn: (message: string) => void,
    /** The directory's argocd-cm settings, if it has one. */
    private readonly settings: TargetSettings | undefined,
  ) {}

  /** Reads the apps and the kubeconfig; `warn` receives the specs' and the API server's warnings, and apps `list` could not compare. */
  static async open(mode: LocalMode, env: NodeJS.ProcessEnv, warn: (message: string) => void): Promise<LocalBackend> {
    const registry = await loadAppsDir(mode.appsDir);
    for (const issue of registry.warnings) warn(issueText(issue));
    // One broken Application does not stop the others: it is named here, and refused when asked for.
    for (const issue of registry.errors) warn(`${issueText(issue)} (left out)`);
    const client = await KubeClient.fromKubeconfig({ path: mode.kubeconfig }, mode.context, { onWarning: (w) => warn(`${formatRef(w.ref)}: ${w.message}`) });
    const name = mode.clusterName ?? mode.context ?? await currentContextOf(mode.kubeconfig) ?? 'in-cluster';
    const settings = await prepareTargetSettings(registry.resourceSettings);
    return new LocalBackend(registry, client, { name, server: client.server }, mode, localCacheDir(env), warn, settings);
  }

  async listApps(): Promise<AppList> {
    const apps = await mapLimit(this.registry.applications, 4, async (app) => {
      try {
        return summarizeApp(app, statusFromDiff(app, await this.#diff(this.#target(app), {})));
      } catch (error) {
        const { message } = error as Error;
        this.warn(message.startsWith(`app ${app.name}`) ? message : `app ${app.name}: ${message}`);
        return summarizeApp(app, undefined);
      }
    });
    return { apps: apps.sort((a, b) => (a.name < b.name ? -1 : 1)), registry: {
      revision: this.mode.appsDir, loadedAt: null, errors: this.registry.errors.map(issueText), staleApps: [], heldApps: [],
    } };
  }

  async getApp(name: string): Promise<AppDetail> {
    const app = this.#app(name);
    const diff = await this.#diff(this.#target(app), {});
    const live = await readLiveResources(this.client, diff.resources.map((r) => r.ref), this.settings?.health);
    return describeApp(app, statusFromDiff(app, diff, live));
  }

  async diffApp(name: string, request: DiffRequest): Promise<DiffView> {
    return diffView(name, await this.#diff(this.#target(this.#app(name)), request));
  }

  async sync(name: string, request: LocalSyncRequest): Promise<OperationResult> {
    const target = this.#target(this.#app(name));
    const { app } = target;
    const rendered = await this.#render(target, request);
    return syncApp({
      target, revision: rendered.revision, manifests: rendered.manifests,
      options: { prune: request.prune || (app.syncPolicy.automated?.prune ?? false), dryRun: request.dryRun ?? false, trigger: { kind: 'cli', by: username() } },
    });
  }

  close(): void {
    this.client.close();
  }

  #app(name: string): Application {
    const app = this.registry.applications.find((a) => a.name === name);
    const broken = app ? undefined : this.registry.broken.find((b) => b.kind === 'Application' && b.name === name);
    if (broken) throw new CliError(`app ${name} in ${this.mode.appsDir} did not load: ${broken.issues.map(issueText).join('; ')}`);
    if (!app) throw new CliError(`app ${name} does not exist in ${this.mode.appsDir}; \`sluice app list\` lists the apps there`);
    return app;
  }

  #target(app: Application): SyncTarget {
    checkDestination(app, this.cluster);
    // loadRegistry has checked that every app's project exists, and always includes `default`.
    const project = this.registry.projects.find((p) => p.name === app.project) as AppProject;
    return { app, project, cluster: this.cluster, client: this.client, ...(this.settings ? { settings: this.settings } : {}) };
  }

  async #diff(target: SyncTarget, request: DiffRequest): Promise<RevisionDiff> {
    const rendered = await this.#render(target, request);
    return { ...await diffApp(target, rendered.manifests), revision: rendered.revision };
  }

  /** The render without an app of apps' child Applications: local mode keeps no registry to join, and they never reach a cluster. */
  async #render(target: SyncTarget, request: DiffRequest): Promise<Rendered> {
    const rendered = await this.#renderAll(target, request);
    return { ...rendered, manifests: rendered.manifests.filter((manifest) => !isChildObject(manifest.object)) };
  }

  async #renderAll({ app, project }: SyncTarget, request: DiffRequest): Promise<Rendered> {
    if (request.localPath) return renderLocalDir(app, project, resolve(request.localPath));
    // A chart app's revision is a chart version, taken as given.
    const revision = app.source.chart !== undefined ? request.revision
      : request.revision && !isSha(request.revision) ? await resolveRevision(app.source.repoURL, request.revision) : request.revision?.toLowerCase();
    return renderRevision(app, { cacheDir: this.cacheDir, revision, project });
  }
}

/** `--local <dir>`: the directory stands in for the app's source path; the tool is detected as usual. */
async function renderLocalDir(app: Application, project: AppProject, dir: string): Promise<Rendered> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new CliError(`--local ${dir}: no such directory`);
  const rendered = await render({ checkoutDir: dir, source: { ...app.source, path: '.' }, appName: app.name, namespace: app.destination.namespace,
    sourceRepos: project.sourceRepos,
  });
  return { revision: `local:${dir}`, manifests: rendered.manifests };
}

function username(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}
