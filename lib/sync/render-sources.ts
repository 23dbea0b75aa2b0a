import { joinRevisions, revisionsOf, type Application, type ApplicationSource } from '../model/index.js';
import { isSourcePermitted } from '../policy/index.js';
import { describeSource, render, RenderError, type Manifest, type RenderResult } from '../render/index.js';
import { fetchRevision, resolveRevision, withGitCredentials } from '../source/index.js';
import { mapLimit } from '../util/index.js';
import { fetchChartSource, isChartSource, renderHelmOptions } from './render-chart.js';
import type { RenderedRevision, RenderRevisionOptions } from './render-revision.js';

/** Sources fetched at once for one app. */
const fetchConcurrency = 4;

/** One source at one revision: where its files are. A Helm chart from a repository would give its own kind of checkout. */
interface FetchedSource {
  source: ApplicationSource;
  revision: string;
  dir: string;
}

/** Resolves one source's targetRevision (unless `revision` pins it) and fetches that commit. */
async function fetchSource(source: ApplicationSource, revision: string | undefined, options: RenderRevisionOptions): Promise<FetchedSource> {
  if (isChartSource(source)) return fetchChartSource(source, revision, options); // its revision is the chart version
  const checkout = await withGitCredentials(options.credentials, source.repoURL, async (auth) => {
    const sha = revision ?? await resolveRevision(source.repoURL, source.targetRevision, auth);
    return fetchRevision(source.repoURL, sha, { cacheDir: options.cacheDir, auth, github: options.github, artifacts: options.artifacts });
  });
  return { source, revision: checkout.sha, dir: checkout.dir };
}

/** Renders one fetched source, with the app's ref sources for its `$<ref>/path` value files. */
function renderSource(app: Application, fetched: FetchedSource, refs: ReadonlyMap<string, string>, options: RenderRevisionOptions): Promise<RenderResult> {
  return render({
    checkoutDir: fetched.dir, source: fetched.source, appName: app.name, namespace: app.destination.namespace, tools: options.tools,
    revision: fetched.revision, project: app.project, sourceRepos: options.project?.sourceRepos, refs, helm: renderHelmOptions(fetched.source, options),
  });
}

/**
 * A multi-source app (spec.sources) as Argo CD renders it: every source fetched at its own revision (or at the
 * ones `options.revision` lists, comma-separated in source order), ref sources lending their files to the others'
 * `$<ref>/path` value files, and the objects of every source that renders combined. An object rendered by two
 * sources is an error naming both. The revision is the sources' revisions joined (joinRevisions).
 */
export async function renderSources(app: Application, sources: readonly ApplicationSource[], options: RenderRevisionOptions): Promise<RenderedRevision> {
  const pinned = options.revision === undefined ? undefined : revisionsOf(options.revision, sources.length);
  if (options.revision !== undefined && !pinned) {
    throw new RenderError(`app ${app.name}: revision ${options.revision} does not give one revision for each of its ${sources.length} sources; ` +
      'give them comma-separated in spec.sources order');
  }
  // Nothing is fetched from a repository the project does not permit (ref sources included).
  const sourceRepos = options.project?.sourceRepos;
  for (const [i, { repoURL }] of sources.entries()) {
    if (sourceRepos && !isSourcePermitted(sourceRepos, repoURL)) {
      throw new RenderError(`Application "${app.name}": spec.sources[${i}] repo ${repoURL} is not permitted by project "${app.project}"; add it to sourceRepos`);
    }
  }
  const fetched = await mapLimit(sources, fetchConcurrency, (source, i) => fetchSource(source, pinned?.[i], options));
  const refs = new Map(fetched.flatMap((entry) => (entry.source.ref ? [[entry.source.ref, entry.dir] as const] : [])));
  const seen = new Map<string, { index: number; manifest: Manifest }>();
  const manifests: Manifest[] = [];
  let tool: RenderResult['tool'] | undefined;
  for (const [index, entry] of fetched.entries()) {
    if (entry.source.refOnly) continue;
    const rendered = await renderSource(app, entry, refs, options).catch((error: unknown) => {
      if (error instanceof RenderError) error.message = `spec.sources[${index}] (${entry.source.repoURL}): ${error.message}`;
      throw error;
    });
    tool ??= rendered.tool;
    for (const manifest of rendered.manifests) {
      const key = objectKey(manifest, app.destination.namespace);
      const first = seen.get(key);
      if (first) throw duplicateError(key, sources, first, { index, manifest });
      seen.set(key, { index, manifest });
      manifests.push(manifest);
    }
  }
  // Inputs span several repositories, so no list of one repository's paths covers them: every push counts.
  return { revision: joinRevisions(fetched.map((entry) => entry.revision)), tool: tool ?? 'directory', manifests };
}

function objectKey({ object }: Manifest, namespace: string | undefined): string {
  const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : '';
  return `${group}/${object.kind}/${object.metadata.namespace ?? namespace ?? ''}/${object.metadata.name}`;
}

function duplicateError(key: string, sources: readonly ApplicationSource[], first: { index: number; manifest: Manifest }, second: { index: number; manifest: Manifest }): RenderError {
  const [, kind, namespace, name] = key.split('/');
  const where = (at: { index: number; manifest: Manifest }) => `spec.sources[${at.index}] (${sources[at.index]!.repoURL}, ${describeSource(at.manifest.source)})`;
  return new RenderError(`${kind}/${namespace ? `${namespace}/` : ''}${name}: rendered by both ${where(first)} and ${where(second)}; ` +
    'an object may come from one source only, so remove it from one of them');
}
