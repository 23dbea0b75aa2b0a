import type { KubeClient } from '../kube/index.js';
import type { AppProject, Application } from '../model/index.js';

/** What a sync or diff acts on: the app, its project, and the cluster it deploys to. */
export interface SyncTarget {
  app: Application;
  project: AppProject;
  cluster: { name: string; server: string };
  client: KubeClient;
}
