import { cp, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isSourcePermitted } from '../policy/index.js';
import { RenderError } from '../render/index.js';
import { chartRepoKey, parseChartRepo } from './chart-repo.js';
import { fetchChart } from './fetch-chart.js';
import type { ChartFetchOptions } from './types.js';

interface Dependency {
  name?: unknown;
  version?: unknown;
  repository?: unknown;
}

export interface DependencyBuild {
  /** The AppProject's sourceRepos: a dependency's repository must be permitted like any source repository. */
  sourceRepos?: readonly string[];
  /** Starts every message: the chart (its path in the repository, or its name and version). */
  what: string;
  passCredentials?: boolean;
}

async function yamlFile(path: string, what: string): Promise<Record<string, unknown> | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const value = parse(text, { maxAliasCount: 100 }) as unknown;
    return value && typeof value === 'object' ? value as Record<string, unknown> : undefined;
  } catch (error) {
    throw new RenderError(`${what}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Names of the charts already in `charts/`: unpacked directories by their Chart.yaml name, archives by file name. */
async function vendored(chartDir: string): Promise<(name: string) => boolean> {
  const names = new Set<string>();
  const archives: string[] = [];
  for (const entry of await readdir(join(chartDir, 'charts'), { withFileTypes: true }).catch(() => [])) {
    if (entry.name.endsWith('.tgz')) archives.push(entry.name);
    else if (entry.isDirectory()) {
      const chart = await yamlFile(join(chartDir, 'charts', entry.name, 'Chart.yaml'), `charts/${entry.name}/Chart.yaml`);
      names.add(typeof chart?.name === 'string' ? chart.name : entry.name);
    }
  }
  return (name) => names.has(name) || archives.some((archive) => archive.startsWith(`${name}-`));
}

/**
 * `helm dependency build` for a chart directory (a render's own copy): every dependency in Chart.yaml not already in
 * charts/ is fetched from its http(s) or oci repository at the version Chart.lock locks (else the highest its range
 * admits) and unpacked into charts/. A repository must be permitted by the project's sourceRepos; repositories named
 * by alias (`@name`), `file://` and empty ones must be vendored.
 */
export async function buildChartDependencies(chartDir: string, build: DependencyBuild, options: ChartFetchOptions): Promise<void> {
  const chart = await yamlFile(join(chartDir, 'Chart.yaml'), `${build.what}/Chart.yaml`);
  const dependencies = Array.isArray(chart?.dependencies) ? chart.dependencies as Dependency[] : [];
  if (dependencies.length === 0) return;
  const lock = await yamlFile(join(chartDir, 'Chart.lock'), `${build.what}/Chart.lock`);
  const locked = Array.isArray(lock?.dependencies) ? lock.dependencies as Dependency[] : [];
  const present = await vendored(chartDir);
  for (const [i, dep] of dependencies.entries()) {
    if (typeof dep?.name !== 'string') throw new RenderError(`${build.what}/Chart.yaml: dependencies[${i}] has no name`);
    if (present(dep.name)) continue;
    const what = `${build.what}/Chart.yaml: dependency ${JSON.stringify(dep.name)}`;
    const repository = typeof dep.repository === 'string' ? dep.repository.trim() : '';
    if (!/^(https?|oci):\/\//i.test(repository)) {
      const why = repository === '' ? 'names no repository' : /^file:\/\//i.test(repository) ? `is a local chart (${repository})` : `names its repository by an alias (${repository})`;
      throw new RenderError(`${what} ${why} and is not in charts/; give its repository URL in Chart.yaml, or vendor it (helm dependency build) and commit charts/`);
    }
    const key = chartRepoKey(parseChartRepo(repository, `${what}: repository`));
    if (!build.sourceRepos || ![repository, key].some((url) => isSourcePermitted([...build.sourceRepos!], url))) {
      throw new RenderError(`${what}: the AppProject's sourceRepos does not permit its repository ${repository}; add it to the project's sourceRepos or vendor the chart into charts/`);
    }
    const lockedVersion = locked.find((l) => l?.name === dep.name && l?.repository === dep.repository)?.version;
    const range = typeof dep.version === 'string' && dep.version.trim() ? dep.version : '*';
    const fetched = await fetchChart({ repoURL: repository, chart: dep.name, targetRevision: range }, options, {
      what, passCredentials: build.passCredentials, ...(typeof lockedVersion === 'string' ? { version: lockedVersion } : {}),
    });
    await cp(join(fetched.dir, fetched.path), join(chartDir, 'charts', dep.name), { recursive: true, verbatimSymlinks: true, errorOnExist: false });
  }
}
