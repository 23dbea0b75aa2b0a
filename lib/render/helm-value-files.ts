import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { refValueFile } from '../model/index.js';
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
  | { kind: 'remote'; ref: RemoteRef; /** Names the file and field, to start messages. */ what: string }
  | { kind: 'ref'; /** Real path of the file inside a ref source's checkout. */ path: string; /** As written, `$<ref>/path`. */ shown: string };


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
    const named = ctx.refs && refValueFile(file);
    if (named) {
      const found = await refFile(ctx, named, field, ignoreMissing);
      if (found) resolved.push(found);
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

/**
 * A `$<ref>/path` value file of a multi-source app, read from the ref source's checkout: never outside it (symlinks
 * included), and only from a ref spec.sources declares.
 */
async function refFile(ctx: RenderContext, named: { ref: string; path: string }, field: string, ignoreMissing: boolean): Promise<ValueFile | undefined> {
  const root = ctx.refs?.get(named.ref);
  if (root === undefined) {
    const known = [...(ctx.refs?.keys() ?? [])].map((ref) => `$${ref}`).join(', ') || 'none';
    throw new RenderError(`${ctx.appPath}: ${field}: no source has ref: ${named.ref} (the refs are ${known}); add it to spec.sources or fix the name`);
  }
  const path = resolve(root, named.path);
  if (named.path === '' || named.path.startsWith('/') || !isInside(root, path) || path === root) {
    throw new RenderError(`${ctx.appPath}: ${field} points outside the repository of ref ${named.ref}; write $${named.ref}/<path inside it>`);
  }
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) {
    if (ignoreMissing) return undefined;
    throw new RenderError(`${ctx.appPath}: ${field}: no such file in the repository of ref ${named.ref}; fix the path or set ignoreMissingValueFiles`);
  }
  const real = await realpath(path);
  if (!isInside(await realpath(root), real)) throw new RenderError(`${ctx.appPath}: ${field} is a symlink out of the repository of ref ${named.ref}`);
  return { kind: 'ref', path: real, shown: `$${named.ref}/${relativePath(root, path)}` };
}
