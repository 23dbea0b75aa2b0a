import { readFile, readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parse } from 'yaml';
import type { RenderContext } from './context.js';
import { RenderError } from './errors.js';
import { parseYamlDocuments } from './parse-yaml.js';

interface Dependency {
  name: string;
  repository?: string;
}

/** Names of the charts vendored in `charts/`: unpacked directories by their Chart.yaml name, archives by file name. */
async function vendoredCharts(chartDir: string): Promise<{ names: Set<string>; archives: string[] }> {
  const names = new Set<string>();
  const archives: string[] = [];
  const entries = await readdir(join(chartDir, 'charts'), { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.name.endsWith('.tgz')) archives.push(entry.name);
    else if (entry.isDirectory() || entry.isSymbolicLink()) {
      const text = await readFile(join(chartDir, 'charts', entry.name, 'Chart.yaml'), 'utf8').catch(() => undefined);
      const name = text === undefined ? undefined : (parse(text) as { name?: unknown } | null)?.name;
      names.add(typeof name === 'string' ? name : entry.name);
    }
  }
  return { names, archives };
}

/**
 * Refuses a chart whose Chart.yaml lists dependencies that are not vendored in `charts/`: fetching charts from
 * remote repositories is out of scope, and Helm's own error does not say what to do.
 */
export async function checkHelmDependencies(ctx: RenderContext): Promise<void> {
  const file = posix.join(ctx.appPath, 'Chart.yaml');
  const text = await readFile(join(ctx.appDir, 'Chart.yaml'), 'utf8').catch(() => undefined);
  if (text === undefined) return; // helm itself reports the missing Chart.yaml
  const chart = parseYamlDocuments(text, file)[0]?.value as { dependencies?: unknown } | null | undefined;
  const dependencies = Array.isArray(chart?.dependencies) ? (chart.dependencies as Dependency[]) : [];
  if (dependencies.length === 0) return;
  const vendored = await vendoredCharts(ctx.appDir);
  for (const dep of dependencies) {
    if (typeof dep?.name !== 'string') continue;
    const present = vendored.names.has(dep.name) || vendored.archives.some((a) => a.startsWith(`${dep.name}-`));
    if (!present) {
      const from = dep.repository ? ` from ${dep.repository}` : '';
      throw new RenderError(`${file}: dependency ${JSON.stringify(dep.name)}${from} is not in charts/; fetching chart ` +
        'dependencies is not supported, so vendor it (helm dependency build) and commit charts/');
    }
  }
}
