import { normalizeRepoUrlOrUndefined } from '../source/index.js';
import type { AppIndex, PushFacts } from './types.js';

/** What a push triggers: syncs of the apps that track it, and a registry reload if it moved the config repo. */
export interface PushMatch {
  apps: string[];
  reloadRegistry: boolean;
  /** false: only a git generator's repository moved, so the reload reads the config repo's head, not the pushed commit. */
  configRepoPushed?: boolean;
}

const fullSha = /^[0-9a-f]{40}$/i;

/** Apps whose repoURL is the pushed repository (in any spelling) and whose targetRevision names the pushed ref. */
export function matchApps(index: AppIndex, push: PushFacts): PushMatch {
  const pushed = canonicalURLs(push.repoURLs);
  const tracks = (source: { repoURL: string; targetRevision: string }) =>
    pushed.has(normalizeRepoUrlOrUndefined(source.repoURL) ?? '') && revisionTracksPush(source.targetRevision, push);
  const apps = [...new Set(index.apps.filter(tracks).map((app) => app.name))];
  const configRepoPushed = index.configRepo !== undefined && tracks(index.configRepo);
  // A push to a repository an ApplicationSet's git generator reads regenerates it: the config repo reloads at its head.
  const generatorPushed = index.configRepo !== undefined && (index.generatorRepos ?? []).some(tracks);
  return { apps, reloadRegistry: configRepoPushed || generatorPushed, ...(generatorPushed && !configRepoPushed ? { configRepoPushed: false } : {}) };
}

/**
 * Whether a targetRevision follows the pushed ref, as Argo CD resolves revisions: `HEAD` (or empty) is the
 * default branch; a branch or tag by short or full ref name; a full commit sha equal to the pushed commit.
 */
export function revisionTracksPush(targetRevision: string, push: PushFacts): boolean {
  const revision = targetRevision.trim() === '' ? 'HEAD' : targetRevision.trim();
  if (revision === push.ref) return true;
  const branch = push.ref.startsWith('refs/heads/') ? push.ref.slice('refs/heads/'.length) : undefined;
  const tag = push.ref.startsWith('refs/tags/') ? push.ref.slice('refs/tags/'.length) : undefined;
  if (revision === 'HEAD') return branch !== undefined && branch === push.defaultBranch;
  if (revision === branch || revision === tag) return true;
  return fullSha.test(revision) && [push.after, push.commit].some((sha) => sha.toLowerCase() === revision.toLowerCase());
}

/** A URL that is not a repository URL matches nothing (the registry reports bad repoURLs when it loads). */
function canonicalURLs(urls: string[]): Set<string> {
  return new Set(urls.flatMap((url) => normalizeRepoUrlOrUndefined(url) ?? []));
}
