import { buildChartDependencies, chartFetchDefaults, fetchChart, resolveChartRevision, type ChartFetchOptions, type ChartRef } from '../charts/index.js';
import type { ApplicationSource } from '../model/index.js';
import type { RenderHelmOptions } from '../render/index.js';
import type { RenderRevisionOptions } from './render-revision.js';

/** A chart source, or a Git source that is not one. */
export const isChartSource = (source: Pick<ApplicationSource, 'chart'>): source is ApplicationSource & { chart: string } => typeof source.chart === 'string';

function chartOptions(options: Pick<RenderRevisionOptions, 'cacheDir' | 'credentials'>): ChartFetchOptions {
  return { ...chartFetchDefaults(), cacheDir: options.cacheDir, ...(options.credentials ? { credentials: options.credentials } : {}) };
}

const refOf = (source: ApplicationSource & { chart: string }): ChartRef => ({ repoURL: source.repoURL, chart: source.chart, targetRevision: source.targetRevision });

/** The chart version a chart source's targetRevision names now (the head of a chart app, as a sha is a Git app's). */
export function resolveChartSourceRevision(source: ApplicationSource & { chart: string }, credentials: RenderRevisionOptions['credentials']): Promise<string> {
  return resolveChartRevision(refOf(source), chartOptions({ cacheDir: '', credentials }));
}

/**
 * A chart source as a render reads it: the chart unpacked in the cache (`dir`, a "checkout" holding the chart at
 * `source.path`) at `revision` (a chart version) or the version targetRevision resolves to. One call per source, so
 * a multi-source render can use it for each chart source.
 */
export async function fetchChartSource(source: ApplicationSource & { chart: string }, revision: string | undefined, options: RenderRevisionOptions): Promise<{ source: ApplicationSource; revision: string; dir: string }> {
  const chart = await fetchChart(refOf(source), chartOptions(options), { ...(revision ? { version: revision } : {}), passCredentials: source.helm?.passCredentials });
  return { source: { ...source, path: chart.path }, revision: chart.version, dir: chart.dir };
}

/** What a Helm render gets from outside its source: chart dependencies fetched as the project permits, and the cluster's capabilities. */
export function renderHelmOptions(source: ApplicationSource, options: RenderRevisionOptions): RenderHelmOptions {
  const fetch = chartOptions(options);
  return {
    dependencies: (chartDir, what) => buildChartDependencies(chartDir, { what: source.chart ? `chart ${source.chart}` : what, sourceRepos: options.project?.sourceRepos, passCredentials: source.helm?.passCredentials }, fetch),
    ...(options.capabilities ? { capabilities: options.capabilities } : {}),
  };
}
