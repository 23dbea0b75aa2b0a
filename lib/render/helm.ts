import { writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { stringify } from 'yaml';
import type { HelmSource } from '../model/index.js';
import type { RenderContext } from './context.js';
import { helmTemplateArgs } from './helm-args.js';
import { checkHelmDependencies } from './helm-dependencies.js';
import { resolveValueFiles } from './helm-value-files.js';
import { toManifests } from './objects.js';
import { parseYamlDocuments } from './parse-yaml.js';
import { runTool } from './run-tool.js';
import { withScratchDir } from './scratch.js';
import type { Manifest } from './types.js';

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
export function manifestsOfHelmOutput(output: string, appPath: string): Manifest[] {
  const sources = [...output.matchAll(/^# Source: (.+)$/gm)].map((m) => ({ at: m.index ?? 0, path: m[1]!.trim() }));
  const docs = parseYamlDocuments(output, `${appPath} (helm template output)`);
  return docs.flatMap((doc) => {
    const comment = sources.filter((s) => s.at < doc.offset).at(-1)?.path;
    return toManifests(doc.value, { file: templateFile(appPath, comment) });
  });
}

/** `helm template` of the chart at the app path, with value files, inline values and parameters as Argo CD applies them. */
export async function renderHelm(ctx: RenderContext, bin: string): Promise<Manifest[]> {
  const helm = ctx.source.helm;
  await checkHelmDependencies(ctx);
  const valueFiles = await resolveValueFiles(ctx, helm?.valueFiles ?? [], helm?.ignoreMissingValueFiles ?? false);
  return withScratchDir('helm', async (scratch) => {
    const values = inlineValues(helm);
    const inlineValuesFile = values === undefined ? undefined : join(scratch, 'inline-values.yaml');
    if (inlineValuesFile) await writeFile(inlineValuesFile, values ?? '', { mode: 0o600 });
    const output = await runTool({
      bin,
      args: helmTemplateArgs({
        releaseName: helm?.releaseName || ctx.appName, chartDir: ctx.appDir, namespace: ctx.namespace,
        valueFiles, inlineValuesFile, parameters: helm?.parameters ?? [],
      }),
      cwd: ctx.appDir,
      timeoutMs: ctx.timeoutMs,
      where: ctx.appPath,
      command: 'helm template',
      env: { HOME: scratch, HELM_CACHE_HOME: join(scratch, 'cache'), HELM_CONFIG_HOME: join(scratch, 'config'), HELM_DATA_HOME: join(scratch, 'data') },
      replacements: [
        ...(inlineValuesFile ? [[inlineValuesFile, '<spec.source.helm values>'] as [string, string]] : []),
        [`${ctx.checkoutDir}/`, ''], [ctx.checkoutDir, '.'], [scratch, '<scratch>'],
      ],
    });
    return manifestsOfHelmOutput(output, ctx.appPath);
  });
}
