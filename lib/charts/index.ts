export { fetchChart, resolveChartRevision, type ChartRef } from './fetch-chart.js';
export { buildChartDependencies, type DependencyBuild } from './chart-dependencies.js';
export { parseChartRepo, chartRepoKey, checkChartName, type ChartRepo } from './chart-repo.js';
export { resolveChartVersion, isExactChartVersion } from './resolve-version.js';
export { chartFetchDefaults } from './default-options.js';
export type { ChartAuth, ChartCredentials, ChartFetchOptions, FetchedChart } from './types.js';
export { checkChartRepoAccess } from './check-access.js';
