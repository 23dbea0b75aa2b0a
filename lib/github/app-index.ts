import type { Application } from '../model/index.js';
import type { AppIndex } from './types.js';

/** The webhook's view of a registry: each app's source, and the config repo the registry is loaded from. */
export function appIndexOf(applications: readonly Application[], configRepo?: { repoURL: string; targetRevision?: string }): AppIndex {
  return {
    apps: applications.map((app) => ({ name: app.name, repoURL: app.source.repoURL, targetRevision: app.source.targetRevision })),
    ...(configRepo?.repoURL ? { configRepo: { repoURL: configRepo.repoURL, targetRevision: configRepo.targetRevision || 'HEAD' } } : {}),
  };
}
