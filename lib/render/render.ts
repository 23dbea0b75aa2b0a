import { realpath, stat } from 'node:fs/promises';
import { isInside, resolveInside } from '../source/index.js';
import type { ApplicationSource } from '../model/index.js';
import { argoBuildEnv } from './argocd-env.js';
import type { RenderContext, RenderHelmOptions } from './context.js';
import { detectTool } from './detect-tool.js';
import { renderDirectory } from './directory.js';
import { RenderError } from './errors.js';
import { renderHelm } from './helm.js';
import { renderKustomize } from './kustomize.js';
import { resolveRenderLimits } from './limits.js';
import { RenderBudget } from './render-budget.js';
import { withScratchDir } from './scratch.js';
import type { Manifest, RenderLimits, RenderTool } from './types.js';
import { urlSettingsFromEnv } from './url-policy.js';
import { relativePath } from './relative-path.js';

export interface RenderOptions {
  /** Root of the checked-out commit; read, never written. */
  checkoutDir: string;
  source: ApplicationSource;
  /** Helm's release name unless spec.source.helm.releaseName is set. */
  appName: string;
  /** Destination namespace, passed to `helm template --namespace`. Objects are returned as rendered, not namespaced. */
  namespace?: string;
  /**
   * Binaries; default SLUICE_HELM / SLUICE_KUSTOMIZE / SLUICE_JSONNET from the environment, then `helm` / `kustomize` /
   * `sluice-jsonnet` on PATH.
   */
  tools?: { helm?: string; kustomize?: string; jsonnet?: string };
  /** The commit being rendered, for `$ARGOCD_APP_REVISION` in the spec values Argo CD substitutes. */
  revision?: string;
  /** The app's AppProject, for `$ARGOCD_APP_PROJECT_NAME`. */
  project?: string;
  /** Bounds on this render; unset ones come from the environment (see limits.ts), then the defaults. */
  limits?: Partial<RenderLimits>;
  /**
   * The app's AppProject sourceRepos: the only repositories a remote Kustomize base or Helm value file may be
   * fetched from. Unset: every remote reference is refused.
   */
  sourceRepos?: readonly string[];
  /** Let remote references reach loopback addresses (the local stack's servers); default SLUICE_ALLOW_LOOPBACK_URLS. */
  allowLoopbackUrls?: boolean;
  /** Let kustomizations name remote bases and files; default SLUICE_KUSTOMIZE_REMOTE_REFS (off). */
  kustomizeRemoteRefs?: boolean;
  /** Helm: fetch remote chart dependencies (else they must be vendored), and the cluster's version and API versions. */
  helm?: RenderHelmOptions;
  /** A multi-source app's ref sources (ref name → checkout root): `$<ref>/path` value files are read from them. */
  refs?: ReadonlyMap<string, string>;
}

export interface RenderResult {
  tool: RenderTool;
  manifests: Manifest[];
  /**
   * The repository paths (files or directories, `/`-separated, none inside another) the manifests were made
   * from; undefined when a remote base or value file was read too, so no list of paths covers every input.
   */
  inputs?: string[];
}

async function appDirOf(checkoutDir: string, path: string): Promise<string> {
  const shown = path || '.';
  const dir = resolveInside(checkoutDir, path || '.');
  if (!dir) throw new RenderError(`${shown}: spec.source.path leaves the repository; use a path inside it`);
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new RenderError(`${shown}: no such directory at this revision; check spec.source.path`);
  if (!isInside(await realpath(checkoutDir), await realpath(dir))) {
    throw new RenderError(`${shown}: spec.source.path is a symlink out of the repository`);
  }
  return dir;
}

/**
 * Renders the application path of a checkout into manifests with the tool Argo CD would pick. Each render gets its
 * own fresh directory, removed afterwards: tools run on a copy of what they need, never on the shared checkout.
 */
export async function render(options: RenderOptions): Promise<RenderResult> {
  const appDir = await appDirOf(options.checkoutDir, options.source.path);
  const limits = resolveRenderLimits(options.limits);
  const tool = detectTool(appDir, options.source);
  const fromEnv = urlSettingsFromEnv();
  return withScratchDir('render', async (workDir) => {
    const ctx: RenderContext = {
      checkoutDir: options.checkoutDir,
      appDir,
      appPath: relativePath(options.checkoutDir, appDir),
      source: options.source,
      appName: options.appName,
      namespace: options.namespace,
      limits,
      budget: new RenderBudget(limits),
      urls: {
        sourceRepos: options.sourceRepos,
        allowLoopbackUrls: options.allowLoopbackUrls ?? fromEnv.allowLoopbackUrls,
        kustomizeRemoteRefs: options.kustomizeRemoteRefs ?? fromEnv.kustomizeRemoteRefs,
      },
      workDir,
      buildEnv: argoBuildEnv({ appName: options.appName, namespace: options.namespace, project: options.project, revision: options.revision, source: options.source }),
      reads: { paths: new Set(), remote: false },
      ...(options.refs ? { refs: options.refs } : {}),
      ...(options.helm ? { helm: options.helm } : {}),
    };
    const manifests = await renderWith(tool, ctx, options);
    return { tool, manifests, ...(ctx.reads.remote ? {} : { inputs: outermost(ctx.reads.paths) }) };
  });
}

function renderWith(tool: RenderTool, ctx: RenderContext, options: RenderOptions): Promise<Manifest[]> {
  switch (tool) {
    case 'helm':
      return renderHelm(ctx, options.tools?.helm ?? process.env.SLUICE_HELM ?? 'helm');
    case 'kustomize':
      return renderKustomize(ctx, options.tools?.kustomize ?? process.env.SLUICE_KUSTOMIZE ?? 'kustomize');
    case 'directory':
      return renderDirectory(ctx, options.source.directory, options.tools?.jsonnet ?? process.env.SLUICE_JSONNET ?? 'sluice-jsonnet');
  }
}

/** The paths not inside another of them, sorted. */
function outermost(paths: ReadonlySet<string>): string[] {
  const within = (path: string, dir: string) => dir === '.' || path.startsWith(`${dir}/`);
  return [...paths].filter((path) => ![...paths].some((other) => other !== path && within(path, other))).sort();
}
