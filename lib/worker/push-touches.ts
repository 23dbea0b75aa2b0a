import { posix } from 'node:path';
import type { Application } from '../model/index.js';
import type { PushedRef } from '../queue/index.js';
import type { AppStatusSummary } from '../store/index.js';
import { globMatch } from '../util/index.js';

/** Argo CD's annotation naming the paths an app's manifests depend on, `;`-separated. */
export const manifestGeneratePathsAnnotation = 'argocd.argoproj.io/manifest-generate-paths';

const globChars = /[*?[{]/;

/**
 * The repository paths an app's manifests are made from: the annotation's, as Argo CD reads them (relative to
 * the app's source path, or to the repository root when they start with `/`; files, directories or globs),
 * else what its last render read; undefined when neither is known.
 */
export function watchedPaths(app: Pick<Application, 'annotations' | 'source'>, recorded: readonly string[] | undefined): string[] | undefined {
  const annotation = app.annotations[manifestGeneratePathsAnnotation];
  if (annotation === undefined) return recorded?.length ? [...recorded] : undefined;
  const paths = annotation.split(';').map((entry) => entry.trim()).filter((entry) => entry !== '').map((entry) => {
    const joined = entry.startsWith('/') ? entry.slice(1) : posix.join(app.source.path || '.', entry);
    return posix.normalize(joined || '.').replace(/\/+$/, '') || '.';
  });
  // An annotation that names nothing, or leaves the repository, is not a promise Sluice can rely on.
  return paths.length && !paths.some((path) => path === '..' || path.startsWith('../')) ? paths : undefined;
}

/** Whether a changed file is one of `paths` or lies under one of them. */
export function pathsCover(paths: readonly string[], changed: string): boolean {
  return paths.some((path) => path === '.' || changed === path || changed.startsWith(`${path}/`) || (globChars.test(path) && globMatch(path, changed, '/')));
}

/**
 * Whether a push may change an app's manifests, so it must be synced; false only when it provably cannot:
 * the push lists its changed files, the app is recorded at the push's previous commit (so nothing in between
 * is unseen), not pinned, and no changed file is among the paths its manifests are made from.
 */
export function pushTouches(app: Pick<Application, 'annotations' | 'source'>, status: AppStatusSummary | undefined, push: PushedRef): boolean {
  if (!push.changedPaths || !push.before || !status || status.revision !== push.before || status.pin) return true;
  const paths = watchedPaths(app, status.sourcePaths);
  return paths === undefined || push.changedPaths.some((changed) => pathsCover(paths, changed));
}
