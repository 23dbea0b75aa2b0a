import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { isInside } from '../source/index.js';
import type { DirectorySource } from '../model/index.js';
import { compileArgoGlob } from '../util/index.js';
import type { RenderContext } from './context.js';
import { RenderError } from './errors.js';
import { JsonnetRenderer } from './jsonnet.js';
import { looksLikeObject, toManifests } from './objects.js';
import { parseYamlDocuments } from './parse-yaml.js';
import type { Manifest } from './types.js';
import { decodeUtf8 } from './utf8.js';
import { relativePath } from './relative-path.js';

const manifestFile = /\.(ya?ml|json|jsonnet)$/;
/** Argo CD leaves files carrying this marker out of a directory application. */
const skipMarker = '+argocd:skip-file-rendering';


function globOption(ctx: RenderContext, field: 'include' | 'exclude', pattern: string | undefined): ((path: string) => boolean) | undefined {
  if (!pattern) return undefined;
  try {
    return compileArgoGlob(pattern);
  } catch (error) {
    throw new RenderError(`${ctx.appPath}: spec.source.directory.${field} ${JSON.stringify(pattern)} is not a valid glob: ` +
      `${(error as Error).message}`);
  }
}

/**
 * Manifest files under the app directory in the order Argo CD reads them (depth first, names sorted), as paths
 * relative to it. Symlinked files are followed when they stay in the checkout; symlinked directories are not.
 */
async function candidateFiles(ctx: RenderContext, recurse: boolean): Promise<string[]> {
  const realRoot = await realpath(ctx.checkoutDir);
  const found: string[] = [];
  async function visit(dir: string): Promise<void> {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (recurse) await visit(path);
      } else if (manifestFile.test(entry.name)) {
        if (entry.isSymbolicLink()) {
          const real = await realpath(path).catch(() => undefined);
          if (!real || !(await stat(real)).isFile()) continue;
          if (!isInside(realRoot, real)) throw new RenderError(`${relativePath(ctx.checkoutDir, path)}: the symlink points outside the repository`);
          ctx.reads.paths.add(relativePath(realRoot, real));
        } else if (!entry.isFile()) continue;
        found.push(relativePath(ctx.appDir, path));
      }
    }
  }
  ctx.reads.paths.add(ctx.appPath);
  await visit(ctx.appDir);
  return found;
}

async function manifestsOfFile(ctx: RenderContext, relToApp: string): Promise<Manifest[]> {
  const file = posix.join(ctx.appPath, relToApp);
  const path = join(ctx.appDir, relToApp);
  const { size } = await stat(path);
  // The object limit bounds a whole file only loosely (a file may hold many objects), the render's total tightly.
  ctx.budget.addBytes(size, file);
  const text = decodeUtf8(await readFile(path), file);
  if (text.includes(skipMarker)) return [];
  const json = relToApp.endsWith('.json');
  const docs = parseYamlDocuments(text, file, { json, limits: ctx.limits });
  if (json && docs.length > 1) throw new RenderError(`${file}: a JSON file may hold only one object (or a List)`);
  // Like Argo CD, a YAML file that holds no Kubernetes object at all (a values file, a CI config) is not an error.
  if (!docs.some((doc) => looksLikeObject(doc.value))) return [];
  const manifests = docs.flatMap((doc) => toManifests(doc.value, { file, line: doc.line }, doc.itemLines));
  ctx.budget.addObjects(manifests.length, file);
  return manifests;
}

/**
 * The manifests of a directory application, with `recurse`, `include` and `exclude` as Argo CD: YAML and JSON files
 * as written, and each `.jsonnet` file evaluated with spec.source.directory.jsonnet (`.libsonnet` files only imported).
 */
export async function renderDirectory(ctx: RenderContext, options: DirectorySource | undefined, jsonnetBin: string): Promise<Manifest[]> {
  const include = globOption(ctx, 'include', options?.include);
  const exclude = globOption(ctx, 'exclude', options?.exclude);
  const files = (await candidateFiles(ctx, options?.recurse ?? false))
    .filter((path) => !(exclude?.(path)) && (include?.(path) ?? true));
  const jsonnet = new JsonnetRenderer(ctx, options?.jsonnet, jsonnetBin);
  const manifests: Manifest[] = [];
  for (const path of files) manifests.push(...(path.endsWith('.jsonnet') ? await jsonnet.render(path) : await manifestsOfFile(ctx, path)));
  return manifests;
}
