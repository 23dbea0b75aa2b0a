import type { Application } from '../model/index.js';
import { appNotFound } from './errors.js';
import type { ApiStore } from './types.js';

/** The app as the registry defines it, or a 404: an app exists when the config repo declares it. */
export async function registryApp(store: Pick<ApiStore, 'getRegistry'>, name: string): Promise<Application> {
  const app = (await store.getRegistry())?.applications.find((candidate) => candidate.name === name);
  if (!app) throw appNotFound(name);
  return app;
}
