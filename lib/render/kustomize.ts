import { cp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import type { RenderContext } from './context.js';
import { kustomizationFiles } from './detect-tool.js';
import { kustomizeEditCommands } from './kustomize-edits.js';
import { toManifests } from './objects.js';
import { parseYamlDocuments } from './parse-yaml.js';
import { runTool, type ToolRun } from './run-tool.js';
import { withScratchDir } from './scratch.js';
import type { Manifest } from './types.js';

function kustomizationFile(ctx: RenderContext): string {
  const name = kustomizationFiles.find((f) => existsSync(join(ctx.appDir, f))) ?? kustomizationFiles[0]!;
  return posix.join(ctx.appPath, name);
}

/**
 * `kustomize build` of the app path. Overrides from spec.source.kustomize are applied with `kustomize edit`, as
 * Argo CD does, on a copy of the checkout: the cached checkout is never written to.
 */
export async function renderKustomize(ctx: RenderContext, bin: string): Promise<Manifest[]> {
  const edits = kustomizeEditCommands(ctx.source.kustomize);
  const where = kustomizationFile(ctx);
  return withScratchDir('kustomize', async (scratch) => {
    let buildDir = ctx.appDir;
    const replacements: Array<[string, string]> = [[`${ctx.checkoutDir}/`, ''], [ctx.checkoutDir, '.']];
    if (edits.length > 0) {
      const copy = join(scratch, 'checkout');
      await cp(ctx.checkoutDir, copy, { recursive: true, verbatimSymlinks: true });
      buildDir = join(copy, relative(ctx.checkoutDir, ctx.appDir));
      replacements.unshift([`${copy}/`, ''], [copy, '.']);
    }
    const run = (command: string, args: string[]): Promise<string> => {
      const spec: ToolRun = { bin, args, cwd: buildDir, timeoutMs: ctx.timeoutMs, where, command, env: { HOME: scratch }, replacements };
      return runTool(spec);
    };
    for (const edit of edits) await run(`kustomize ${edit.slice(0, 3).join(' ')}`, edit);
    const output = await run('kustomize build', ['build', buildDir]);
    return parseYamlDocuments(output, `${ctx.appPath} (kustomize build output)`)
      .flatMap((doc) => toManifests(doc.value, { file: ctx.appPath }));
  });
}
