import { realpath, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { isInside } from '../source/index.js';
import type { RenderContext } from './context.js';
import { RenderError } from './errors.js';

const remote = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Absolute paths of spec.source.helm.valueFiles as Argo CD resolves them: relative to the chart directory, or to the
 * repository root when they start with `/`; never outside the repository. Missing files are an error unless
 * ignoreMissingValueFiles is set, in which case they are left out.
 */
export async function resolveValueFiles(ctx: RenderContext, valueFiles: readonly string[], ignoreMissing: boolean): Promise<string[]> {
  const realRoot = await realpath(ctx.checkoutDir);
  const resolved: string[] = [];
  for (const [i, file] of valueFiles.entries()) {
    const field = `spec.source.helm.valueFiles[${i}] ${JSON.stringify(file)}`;
    if (remote.test(file)) throw new RenderError(`${ctx.appPath}: ${field}: remote value files are not supported; commit the file to the repository`);
    const path = resolve(file.startsWith('/') ? ctx.checkoutDir : ctx.appDir, file.replace(/^\/+/, ''));
    if (!isInside(ctx.checkoutDir, path)) throw new RenderError(`${ctx.appPath}: ${field} points outside the repository; use a path inside it`);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) {
      if (ignoreMissing) continue;
      const shown = relative(ctx.checkoutDir, path).split(sep).join('/');
      throw new RenderError(`${ctx.appPath}: ${field}: no such file in the repository (looked for ${shown}); ` +
        'fix the path or set ignoreMissingValueFiles');
    }
    if (!isInside(realRoot, await realpath(path))) throw new RenderError(`${ctx.appPath}: ${field} is a symlink out of the repository`);
    resolved.push(path);
  }
  return resolved;
}
