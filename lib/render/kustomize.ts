import { existsSync } from 'node:fs';
import { mkdir, realpath } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { RenderContext } from './context.js';
import { copySource } from './copy-source.js';
import { kustomizationFiles } from './detect-tool.js';
import { RenderError, RenderLimitError } from './errors.js';
import { proxyEnv, startEgressProxy } from './egress-proxy.js';
import { kustomizeEditCommands } from './kustomize-edits.js';
import { scanKustomization } from './kustomize-references.js';
import { toManifests } from './objects.js';
import { parseYamlDocuments } from './parse-yaml.js';
import { runTool, type ToolRun } from './run-tool.js';
import type { Manifest } from './types.js';
import { checkRemoteRef } from './url-policy.js';
import { relativePath } from './relative-path.js';

function kustomizationFile(ctx: RenderContext): string {
  const name = kustomizationFiles.find((f) => existsSync(join(ctx.appDir, f))) ?? kustomizationFiles[0]!;
  return posix.join(ctx.appPath, name);
}


/**
 * `kustomize build` of the app path. Before it runs, every path the kustomizations name is resolved and refused if
 * it leaves the source, and every URL is checked against the app's AppProject; then only the directories the build
 * reads are copied into the render's own directory, where overrides from spec.source.kustomize are applied with
 * `kustomize edit`, as Argo CD does. The tool's own fetches go through a proxy that enforces the same policy.
 */
export async function renderKustomize(ctx: RenderContext, bin: string): Promise<Manifest[]> {
  const edits = kustomizeEditCommands(ctx.source.kustomize);
  const where = kustomizationFile(ctx);
  const scan = await scanKustomization(ctx.checkoutDir, ctx.appDir, ctx.limits);
  for (const { ref, what } of scan.remotes) {
    if (!ctx.urls.kustomizeRemoteRefs) {
      throw new RenderError(`${what} ${JSON.stringify(ref.written)}: remote Kustomize references are off, as kustomize would fetch what ` +
        'they name in turn without Sluice checking it; vendor the base into this repository, or allow remote references with ' +
        'SLUICE_KUSTOMIZE_REMOTE_REFS=true (the AppProject\'s sourceRepos still apply)');
    }
    await checkRemoteRef(ref, ctx.urls, what);
  }
  const appRel = relativePath(await realpath(ctx.checkoutDir), await realpath(ctx.appDir));
  const src = join(ctx.workDir, 'src');
  for (const path of await copySource(ctx.checkoutDir, [appRel, ...scan.dirs], src, ctx.limits)) ctx.reads.paths.add(path);
  if (scan.remotes.length) ctx.reads.remote = true;
  const buildDir = join(src, appRel);
  const home = join(ctx.workDir, 'home');
  await mkdir(join(home, 'tmp'), { recursive: true });
  const proxy = await startEgressProxy({ hosts: new Set(scan.remotes.map((r) => r.ref.host)), allowLoopbackUrls: ctx.urls.allowLoopbackUrls });
  try {
    const env = {
      HOME: home, TMPDIR: join(home, 'tmp'), XDG_CONFIG_HOME: join(home, 'config'), ...proxyEnv(proxy),
      // Remote bases are cloned by git: only over http(s), never prompting, with no config from the machine.
      GIT_ALLOW_PROTOCOL: 'https:http', GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
    };
    const replacements: Array<[string, string]> = [[`${src}/`, ''], [src, '.'], [`${ctx.checkoutDir}/`, ''], [ctx.checkoutDir, '.'], [ctx.workDir, '<scratch>']];
    const run = (command: string, args: string[]): Promise<string> => {
      const spec: ToolRun = {
        bin, args, cwd: buildDir, timeoutMs: ctx.limits.toolTimeoutMs, maxOutputBytes: ctx.limits.maxToolOutputBytes, where, command, env, replacements,
      };
      return runTool(spec).catch((error: unknown) => {
        // kustomize reports a refused fetch as a network error; say that the policy refused it, and where.
        if (!(error instanceof RenderError) || error instanceof RenderLimitError || proxy.refused.length === 0) throw error;
        throw new RenderError(`${error.message} (the render's URL policy refused connections to ${[...new Set(proxy.refused)].join(', ')}: ` +
          'a remote base may fetch only from the repositories already checked)', { cause: error });
      });
    };
    for (const edit of edits) await run(`kustomize ${edit.slice(0, 3).join(' ')}`, edit);
    const output = await run('kustomize build', ['build', '--load-restrictor=LoadRestrictionsRootOnly', '--', buildDir]);
    const what = `${ctx.appPath} (kustomize build output)`;
    ctx.budget.addBytes(Buffer.byteLength(output), what);
    const manifests = parseYamlDocuments(output, what, { limits: ctx.limits }).flatMap((doc) => toManifests(doc.value, { file: ctx.appPath }));
    ctx.budget.addObjects(manifests.length, what);
    return manifests;
  } finally {
    await proxy.close();
  }
}
