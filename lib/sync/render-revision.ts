import type { Application, AppProject } from '../model/index.js';
import { render, type RenderResult } from '../render/index.js';
import { renderSources } from './render-sources.js';
import { fetchChartSource, isChartSource, renderHelmOptions } from './render-chart.js';
import { fetchRevision, resolveRevision, withGitCredentials, type GitCredentials, type SourceArtifacts } from '../source/index.js';

export interface RenderRevisionOptions {
  /** Where checkouts are cached by sha. */
  cacheDir: string;
  /** The repository's credentials, looked up again once when the Git server refuses them. */
  credentials?: GitCredentials;
  tools?: { helm?: string; kustomize?: string; jsonnet?: string };
  /** A commit sha to render instead of resolving the app's targetRevision (rollback, a webhook's `after`). */
  revision?: string;
  github?: { apiBaseUrl?: string; hosts?: string[] };
  /** Commits other instances fetched already (S3 on AWS). */
  artifacts?: SourceArtifacts;
  /** The app's project: its sourceRepos bound the remote bases and value files the render may fetch. */
  project?: Pick<AppProject, 'sourceRepos'>;
  /** The destination cluster's version and API versions, for Helm's --kube-version/--api-versions unless the app sets them. */
  capabilities?: () => Promise<{ kubeVersion?: string; apiVersions?: string[] }>;
}

export interface RenderedRevision extends RenderResult {
  revision: string;
}

/** Git to manifests: resolves the app's targetRevision (unless a sha is given), fetches that commit, renders it (every source of a multi-source app: renderSources). */
export async function renderRevision(app: Application, options: RenderRevisionOptions): Promise<RenderedRevision> {
  if (app.sources) return renderSources(app, app.sources, options);
  const { source } = app;
  if (isChartSource(source)) {
    // A chart from a Helm repository or OCI registry: its revision is the chart version, as Argo CD records it.
    const chart = await fetchChartSource(source, options.revision, options);
    const { inputs: _inputs, ...rendered } = await render({ checkoutDir: chart.dir, source: chart.source, appName: app.name, namespace: app.destination.namespace, tools: options.tools,
      revision: chart.revision, project: app.project, sourceRepos: options.project?.sourceRepos, helm: renderHelmOptions(source, options) });
    return { revision: chart.revision, ...rendered };
  }
  const checkout = await withGitCredentials(options.credentials, source.repoURL, async (auth) => {
    const revision = options.revision ?? await resolveRevision(source.repoURL, source.targetRevision, auth);
    return fetchRevision(source.repoURL, revision, { cacheDir: options.cacheDir, auth, github: options.github, artifacts: options.artifacts });
  });
  const rendered = await render({ checkoutDir: checkout.dir, source, appName: app.name, namespace: app.destination.namespace, tools: options.tools,
    revision: checkout.sha, project: app.project,
    sourceRepos: options.project?.sourceRepos, helm: renderHelmOptions(source, options),
  });
  return { revision: checkout.sha, ...rendered };
}
