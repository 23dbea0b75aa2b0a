import { appSources, type Application } from '../model/index.js';
import type { AppIndex } from './types.js';

/** The webhook's view of a registry: each app's sources (every one of a multi-source app), and the config repo the registry is loaded from. */
export function appIndexOf(applications: readonly Application[], configRepo?: { repoURL: string; targetRevision?: string }, generatorRepos: readonly { repoURL: string; targetRevision: string }[] = []): AppIndex {
  return {
    // A chart source's repoURL is a Helm repository or registry: no Git push is to it.
    apps: applications.flatMap((app) => appSources(app).filter((source) => source.chart === undefined).map((source) => ({ name: app.name, repoURL: source.repoURL, targetRevision: source.targetRevision }))),
    ...(configRepo?.repoURL ? { configRepo: { repoURL: configRepo.repoURL, targetRevision: configRepo.targetRevision || 'HEAD' } } : {}),
    ...(configRepo?.repoURL && generatorRepos.length ? { generatorRepos: [...generatorRepos] } : {}),
  };
}
