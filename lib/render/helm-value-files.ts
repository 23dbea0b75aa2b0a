import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isInside } from '../source/index.js';
import type { RenderContext } from './context.js';
import { RenderError } from './errors.js';
import { remoteRefOf, type RemoteRef } from './remote-ref.js';
import { checkRemoteRef } from './url-policy.js';
import { relativePath } from './relative-path.js';

const remote = /^[a-z][a-z0-9+.-]*:\/\//i;
/** helm reads `--values` as a comma-separated list (with CSV quoting), so these would smuggle in other paths. */
const unsafeChars = /[,"\n\r\0]/;

export type ValueFile =
  | { kind: 'local'; /** Relative to the real path of the checkout, `/`-separated. */ rel: string }
  | { kind: 'remote'; ref: RemoteRef; /** Names the file and field, to start messages. */ what: string };


/**
 * spec.source.helm.valueFiles as Argo CD resolves them: relative to the chart directory, or to the repository root
 * when they start with `/`; never outside the repository, symlinks included. A URL is kept only when the app's
 * AppProject permits it (see url-policy.ts). Missing files are an error unless ignoreMissingValueFiles is set, in
 * which case they are left out.
 */
export async function resolveValueFiles(ctx: RenderContext, valueFiles: readonly string[], ignoreMissing: boolean): Promise<ValueFile[]> {
  const realRoot = await realpath(ctx.checkoutDir);
  const resolved: ValueFile[] = [];
  for (const [i, file] of valueFiles.entries()) {
    const field = `spec.source.helm.valueFiles[${i}] ${JSON.stringify(file)}`;
    if (remote.test(file)) {
      const ref = remoteRefOf(file)!;
      const what = `${ctx.appPath}: spec.source.helm.valueFiles[${i}]`;
      await checkRemoteRef(ref, ctx.urls, what);
      resolved.push({ kind: 'remote', ref, what });
      continue;
    }
    if (unsafeChars.test(file)) {
      throw new RenderError(`${ctx.appPath}: ${field}: a value file path may not hold a comma, a double quote or a line break ` +
        '(helm would split it into several paths); rename the file');
    }
    const path = resolve(file.startsWith('/') ? ctx.checkoutDir : ctx.appDir, file.replace(/^\/+/, ''));
    if (!isInside(ctx.checkoutDir, path)) throw new RenderError(`${ctx.appPath}: ${field} points outside the repository; use a path inside it`);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) {
      if (ignoreMissing) {
        // Still an input: a push that adds the file changes the render.
        ctx.reads.paths.add(relativePath(ctx.checkoutDir, path));
        continue;
      }
      const shown = relativePath(ctx.checkoutDir, path);
      throw new RenderError(`${ctx.appPath}: ${field}: no such file in the repository (looked for ${shown}); ` +
        'fix the path or set ignoreMissingValueFiles');
    }
    const real = await realpath(path);
    if (!isInside(realRoot, real)) throw new RenderError(`${ctx.appPath}: ${field} is a symlink out of the repository`);
    resolved.push({ kind: 'local', rel: relativePath(realRoot, real) });
  }
  return resolved;
}
