import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { isInside } from '../source/index.js';
import { kustomizationFiles } from './detect-tool.js';
import { RenderError } from './errors.js';
import { kustomizationReferences, pluginConfigReferences, type Reference } from './kustomization-fields.js';
import { formatBytes, limitError } from './limits.js';
import { parseYamlDocuments } from './parse-yaml.js';
import { remoteRefOf, type RemoteRef } from './remote-ref.js';
import type { RenderLimits } from './types.js';
import { decodeUtf8 } from './utf8.js';
import { relativePath } from './relative-path.js';

/** What `kustomize build` of one directory will read, found before it runs. */
export interface KustomizeScan {
  /** Directories, relative to the real source root (`/`-separated, `.` for the root), whose subtrees the build reads. */
  dirs: string[];
  /** Remote references, still to be checked against the URL policy; `what` names the file and field. */
  remotes: Array<{ ref: RemoteRef; what: string }>;
}

interface Walk {
  realRoot: string;
  limits: RenderLimits;
  scan: KustomizeScan;
  seen: Set<string>;
  pending: string[];
}

/** Kustomizations walked per render at most; a chain longer than this is refused as a limit. */
const maxKustomizations = 1000;


async function kustomizationIn(walk: Walk, dir: string): Promise<string | undefined> {
  for (const name of kustomizationFiles) {
    const path = join(dir, name);
    const info = await lstat(path).catch(() => undefined);
    if (!info) continue;
    if (info.isSymbolicLink() && !isInside(walk.realRoot, await realpath(path).catch(() => '/'))) {
      throw new RenderError(`${relativePath(walk.realRoot, path)}: the symlink points outside the repository`);
    }
    return path;
  }
  return undefined;
}

async function readDocs(walk: Walk, path: string): Promise<unknown[]> {
  const file = relativePath(walk.realRoot, path);
  const info = await stat(path);
  if (info.size > walk.limits.maxObjectBytes) {
    throw limitError('maxObjectBytes', file, `the file is ${formatBytes(info.size)}`, formatBytes(walk.limits.maxObjectBytes), 'make it smaller');
  }
  return parseYamlDocuments(decodeUtf8(await readFile(path), file), file, { limits: walk.limits }).map((d) => d.value);
}

/**
 * Checks one reference of the kustomization in `dir`: a remote one is set aside for the URL policy; a local one must
 * be relative and stay inside the source, symlinks included. Directories and plugin configs are walked in turn.
 */
async function checkReference(walk: Walk, dir: string, where: string, ref: Reference): Promise<void> {
  const what = `${where}: ${ref.field}`;
  if (ref.kind === 'forbidden') throw new RenderError(`${what}: names a program to run, which Sluice never does; remove it`);
  if ((ref.kind === 'plugin' || ref.kind === 'file-or-inline') && ref.value.includes('\n')) {
    if (ref.kind === 'plugin') await checkPluginDocs(walk, dir, where, ref.field, parseYamlDocuments(ref.value, what, { limits: walk.limits }).map((d) => d.value));
    return;
  }
  const remote = remoteRefOf(ref.value);
  if (remote) {
    walk.scan.remotes.push({ ref: remote, what });
    return;
  }
  if (isAbsolute(ref.value) || /^[A-Za-z]:[\\/]/.test(ref.value)) {
    throw new RenderError(`${what} ${JSON.stringify(ref.value)}: an absolute path; use a path relative to the kustomization`);
  }
  const target = resolve(dir, ref.value);
  if (!isInside(walk.realRoot, target)) {
    throw new RenderError(`${what} ${JSON.stringify(ref.value)} leaves the repository; use a path inside it`);
  }
  if (!(await lstat(target).catch(() => undefined))) return; // kustomize reports what is missing, or reads it as an inline patch
  const real = await realpath(target).catch(() => undefined);
  if (!real || !isInside(walk.realRoot, real)) {
    throw new RenderError(`${what} ${JSON.stringify(ref.value)} is a symlink out of the repository`);
  }
  const info = await stat(real);
  if (info.isDirectory()) {
    if (ref.kind === 'base' || ref.kind === 'plugin') walk.pending.push(real);
    else if (ref.kind === 'dir') walk.scan.dirs.push(relativePath(walk.realRoot, real));
  } else if (ref.kind === 'plugin') {
    await checkPluginDocs(walk, dir, where, ref.field, await readDocs(walk, real));
  }
}

/** Built-in generator and transformer configs name files too; kustomize reads them relative to the kustomization. */
async function checkPluginDocs(walk: Walk, dir: string, where: string, field: string, docs: unknown[]): Promise<void> {
  for (const [i, doc] of docs.entries()) {
    for (const ref of pluginConfigReferences(doc, docs.length > 1 ? `${field}(document ${i + 1})` : field)) {
      await checkReference(walk, dir, where, ref.kind === 'dir' ? ref : { ...ref, kind: ref.kind === 'forbidden' ? 'forbidden' : 'file' });
    }
  }
}

async function walkKustomization(walk: Walk, dir: string): Promise<void> {
  walk.scan.dirs.push(relativePath(walk.realRoot, dir));
  const file = await kustomizationIn(walk, dir);
  if (!file) return; // a directory without a kustomization: kustomize says so
  const where = relativePath(walk.realRoot, file);
  const [kustomization] = await readDocs(walk, file);
  if (typeof kustomization !== 'object' || kustomization === null || Array.isArray(kustomization)) return;
  for (const ref of kustomizationReferences(kustomization as Record<string, unknown>)) await checkReference(walk, dir, where, ref);
}

/**
 * Resolves every path the kustomization in `appDir` names, and those of every kustomization it reaches, before
 * `kustomize build` runs: resources, bases, components, crds, configurations, openapi, patches of each kind,
 * replacements, generator files and envs, helm chart homes and values, generators, transformers and validators.
 * Refuses absolute paths, paths that leave `checkoutDir` and symlinks out of it. `specRefs` are references the app's
 * spec.source.kustomize adds to the app's kustomization, resolved from its directory.
 */
export async function scanKustomization(checkoutDir: string, appDir: string, limits: RenderLimits, specRefs: readonly Reference[] = []): Promise<KustomizeScan> {
  const realRoot = await realpath(checkoutDir);
  const realApp = await realpath(appDir);
  const walk: Walk = { realRoot, limits, scan: { dirs: [], remotes: [] }, seen: new Set(), pending: [realApp] };
  // What the app's spec adds to its kustomization (components, patch files) is checked like the kustomization's own.
  for (const ref of specRefs) await checkReference(walk, realApp, 'spec.source.kustomize', ref);
  while (walk.pending.length > 0) {
    const dir = walk.pending.shift()!;
    if (walk.seen.has(dir)) continue;
    walk.seen.add(dir);
    if (walk.seen.size > maxKustomizations) {
      throw new RenderError(`${relativePath(realRoot, dir)}: the build reaches more than ${maxKustomizations} kustomizations; simplify the overlays`);
    }
    await walkKustomization(walk, dir);
  }
  return walk.scan;
}
