import { existsSync } from 'node:fs';
import { lstat, mkdir, realpath } from 'node:fs/promises';
import { join, posix, resolve } from 'node:path';
import type { KustomizeSource } from '../model/index.js';
import type { RenderContext } from './context.js';
import { copySource } from './copy-source.js';
import { kustomizationFiles } from './detect-tool.js';
import { RenderError, RenderLimitError } from './errors.js';
import { proxyEnv, startEgressProxy } from './egress-proxy.js';
import { kustomizeEditCommands } from './kustomize-edits.js';
import type { Reference } from './kustomization-fields.js';
import { addPatches } from './kustomize-patches.js';
import { scanKustomization } from './kustomize-references.js';
import { toManifests } from './objects.js';
import { parseYamlDocuments } from './parse-yaml.js';
import { runTool, type ToolRun } from './run-tool.js';
import type { Manifest } from './types.js';
import { remoteRefOf } from './remote-ref.js';
import { checkRemoteRef } from './url-policy.js';
import { relativePath } from './relative-path.js';

function kustomizationName(ctx: RenderContext): string | undefined {
  return kustomizationFiles.find((f) => existsSync(join(ctx.appDir, f)));
}

/** The components to add: all of them, or with ignoreMissingComponents those that exist (remote ones are kept). */
async function componentsToAdd(ctx: RenderContext, overrides: KustomizeSource | undefined): Promise<string[]> {
  const components = overrides?.components ?? [];
  if (!overrides?.ignoreMissingComponents) return components;
  const present: string[] = [];
  for (const component of components) {
    // Whether it exists only: the scan refuses one that leaves the repository.
    if (remoteRefOf(component) || (await lstat(resolve(ctx.appDir, component)).catch(() => undefined))) present.push(component);
  }
  return present;
}

/** The paths spec.source.kustomize adds to the kustomization, to be checked and copied like its own. */
function specReferences(overrides: KustomizeSource | undefined, components: readonly string[]): Reference[] {
  return [
    ...components.map((value, i): Reference => ({ field: `components[${i}]`, value, kind: 'base' })),
    ...(overrides?.patches ?? []).flatMap((patch, i): Reference[] => (patch.path ? [{ field: `patches[${i}].path`, value: patch.path, kind: 'file' }] : [])),
  ];
}


/**
 * `kustomize build` of the app path. Before it runs, every path the kustomizations name is resolved and refused if
 * it leaves the source, and every URL is checked against the app's AppProject; then only the directories the build
 * reads are copied into the render's own directory, where overrides from spec.source.kustomize are applied with
 * `kustomize edit` (and patches written into the kustomization), as Argo CD does. The tool's own fetches go through a proxy that enforces the same policy.
 */
export async function renderKustomize(ctx: RenderContext, bin: string): Promise<Manifest[]> {
  const overrides = ctx.source.kustomize;
  const components = await componentsToAdd(ctx, overrides);
  const edits = kustomizeEditCommands(overrides, { env: ctx.buildEnv, components });
  const fileName = kustomizationName(ctx);
  const where = posix.join(ctx.appPath, fileName ?? kustomizationFiles[0]);
  const scan = await scanKustomization(ctx.checkoutDir, ctx.appDir, ctx.limits, specReferences(overrides, components));
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
    if (overrides?.patches?.length) {
      if (!fileName) throw new RenderError(`${ctx.appPath}: no kustomization file to add spec.source.kustomize.patches to`);
      await addPatches(join(buildDir, fileName), where, overrides.patches);
    }
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
