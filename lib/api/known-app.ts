import type { Application } from '../model/index.js';
import type { AppStatus } from '../store/index.js';
import { notFound } from './errors.js';
import type { ApiStore } from './types.js';

/**
 * The app as the registry defines it or, while it is being deleted, as it was when it left the config repo; else a
 * 404 that says, for an app deleted lately, who or what deleted it and when.
 */
export async function knownApp(store: Pick<ApiStore, 'getRegistry' | 'getAppStatus' | 'getDeletedApp'>, name: string): Promise<{ app: Application; status?: AppStatus }> {
  const [snapshot, status] = await Promise.all([store.getRegistry(), store.getAppStatus(name)]);
  const app = snapshot?.applications.find((candidate) => candidate.name === name) ?? status?.deletion?.application;
  if (app) return { app, ...(status ? { status } : {}) };
  throw await missingApp(store, name);
}

/** The 404 for an app that does not exist, naming its deletion when that is remembered. */
export async function missingApp(store: Pick<ApiStore, 'getDeletedApp'>, name: string) {
  const deleted = await store.getDeletedApp(name);
  if (!deleted) return notFound(`app ${name} does not exist; GET /apps lists them`);
  return notFound(`app ${name} does not exist: it was deleted at ${deleted.deletedAt}, ${deleted.reason}; ${deleted.message}`);
}
