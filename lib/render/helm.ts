import { copyFile, mkdir, realpath, stat, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { stringify } from 'yaml';
import type { HelmSource } from '../model/index.js';
import type { RenderContext } from './context.js';
import { copySource } from './copy-source.js';
import { fetchRemoteFile } from './fetch-remote-file.js';
import { helmTemplateArgs } from './helm-args.js';
import { RenderError } from './errors.js';
import { checkHelmDependencies } from './helm-dependencies.js';
import { resolveValueFiles } from './helm-value-files.js';
import { toManifests } from './objects.js';
import { parseYamlDocuments } from './parse-yaml.js';
import { runTool } from './run-tool.js';
import { checkReleaseName } from './spec-strings.js';
import type { Manifest } from './types.js';
import { relativePath } from './relative-path.js';

/** valuesObject wins over values, as in Argo CD: when both are set, values is ignored. */
function inlineValues(helm: HelmSource | undefined): string | undefined {
  if (helm?.valuesObject && Object.keys(helm.valuesObject).length > 0) return stringify(helm.valuesObject);
  return helm?.values?.trim() ? helm.values : undefined;
}

/** `# Source: <chart>/templates/x.yaml` → `<appPath>/templates/x.yaml`: helm names files by chart name, not folder. */
function templateFile(appPath: string, sourceComment: string | undefined): string {
  if (!sourceComment) return appPath;
  const rest = sourceComment.split('/').slice(1).join('/');
  return appPath === '.' ? rest : posix.join(appPath, rest);
}

/** Splits `helm template` output into manifests, each attributed to the template named by its `# Source:` comment. */
export function manifestsOfHelmOutput(output: string, appPath: string, ctx?: Pick<RenderContext, 'limits' | 'budget'>): Manifest[] {
  const where = `${appPath} (helm template output)`;
  ctx?.budget.addBytes(Buffer.byteLength(output), where);
  const sources = [...output.matchAll(/^# Source: (.+)$/gm)].map((m) => ({ at: m.index ?? 0, path: m[1]!.trim() }));
  const docs = parseYamlDocuments(output, where, { limits: ctx?.limits });
  const manifests = docs.flatMap((doc) => {
    const comment = sources.filter((s) => s.at < doc.offset).at(-1)?.path;
    return toManifests(doc.value, { file: templateFile(appPath, comment) });
  });
  ctx?.budget.addObjects(manifests.length, where);
  return manifests;
}


/** A ref source's value file, copied into the render's own directory (helm never sees another checkout). */
async function copyRefValueFile(ctx: RenderContext, path: string, shown: string, dest: string): Promise<string> {
  const { size } = await stat(path);
  if (size > ctx.limits.maxObjectBytes) throw new RenderError(`${ctx.appPath}: value file ${shown} is ${size} bytes, over the ${ctx.limits.maxObjectBytes}-byte limit of one document; make it smaller`);
  ctx.budget.addBytes(size, shown);
  await copyFile(path, dest);
  return dest;
}

/**
 * `helm template` of the chart at the app path, with value files, inline values and parameters as Argo CD applies
 * them. Helm runs on a copy of the chart and the value files in the render's own directory, never on the checkout.
 */
export async function renderHelm(ctx: RenderContext, bin: string): Promise<Manifest[]> {
  const helm = ctx.source.helm;
  const releaseName = helm?.releaseName || ctx.appName;
  checkReleaseName(releaseName, helm?.releaseName ? 'spec.source.helm.releaseName' : 'the Helm release name (the app name, as spec.source.helm.releaseName is not set)');
  if (!ctx.helm?.dependencies) await checkHelmDependencies(ctx);
  const valueFiles = await resolveValueFiles(ctx, helm?.valueFiles ?? [], helm?.ignoreMissingValueFiles ?? false);
  const realRoot = await realpath(ctx.checkoutDir);
  const chartRel = relativePath(realRoot, await realpath(ctx.appDir));
  const src = join(ctx.workDir, 'src');
  const read = await copySource(ctx.checkoutDir, [chartRel, ...valueFiles.flatMap((f) => (f.kind === 'local' ? [f.rel] : []))], src, ctx.limits);
  for (const path of read) ctx.reads.paths.add(path);
  if (ctx.helm?.dependencies) await ctx.helm.dependencies(join(src, chartRel), ctx.appPath);
  // A ref source's file or a URL: no list of this repository's paths covers every input.
  if (valueFiles.some((f) => f.kind !== 'local')) ctx.reads.remote = true;
  const replacements: Array<[string, string]> = [];
  const valuePaths: string[] = [];
  for (const [i, file] of valueFiles.entries()) {
    if (file.kind === 'local') {
      valuePaths.push(join(src, file.rel));
      continue;
    }
    if (file.kind === 'ref') {
      valuePaths.push(await copyRefValueFile(ctx, file.path, file.shown, join(ctx.workDir, `ref-values-${i}.yaml`)));
      replacements.push([join(ctx.workDir, `ref-values-${i}.yaml`), file.shown]);
      continue;
    }
    const dest = join(ctx.workDir, `remote-values-${i}.yaml`);
    await fetchRemoteFile({
      url: file.ref.written, dest, what: file.what, allowLoopbackUrls: ctx.urls.allowLoopbackUrls,
      timeoutMs: ctx.limits.toolTimeoutMs, maxBytes: ctx.limits.maxObjectBytes,
    });
    valuePaths.push(dest);
    replacements.push([dest, file.ref.written]);
  }
  const values = inlineValues(helm);
  const inlineValuesFile = values === undefined ? undefined : join(ctx.workDir, 'inline-values.yaml');
  if (inlineValuesFile) {
    await writeFile(inlineValuesFile, values ?? '', { mode: 0o600 });
    replacements.push([inlineValuesFile, '<spec.source.helm values>']);
  }
  const home = join(ctx.workDir, 'home');
  await mkdir(join(home, 'tmp'), { recursive: true });
  const capabilities = ctx.helm?.capabilities && (!helm?.kubeVersion || !helm.apiVersions) ? await ctx.helm.capabilities() : {};
  const output = await runTool({
    bin,
    args: helmTemplateArgs({
      releaseName, chartDir: join(src, chartRel), namespace: helm?.namespace || ctx.namespace,
      valueFiles: valuePaths, inlineValuesFile, parameters: helm?.parameters ?? [],
      skipCrds: helm?.skipCrds, kubeVersion: helm?.kubeVersion ?? capabilities.kubeVersion, apiVersions: helm?.apiVersions ?? capabilities.apiVersions,
    }),
    cwd: join(src, chartRel),
    timeoutMs: ctx.limits.toolTimeoutMs,
    maxOutputBytes: ctx.limits.maxToolOutputBytes,
    where: ctx.appPath,
    command: 'helm template',
    env: {
      HOME: home, TMPDIR: join(home, 'tmp'), HELM_CACHE_HOME: join(home, 'cache'), HELM_CONFIG_HOME: join(home, 'config'),
      HELM_DATA_HOME: join(home, 'data'), HELM_PLUGINS: join(home, 'plugins'),
    },
    replacements: [...replacements, [`${src}/`, ''], [src, '.'], [`${ctx.checkoutDir}/`, ''], [ctx.checkoutDir, '.'], [ctx.workDir, '<scratch>']],
  });
  return manifestsOfHelmOutput(output, ctx.appPath, ctx);
}
