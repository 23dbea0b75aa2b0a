import type { KubeClient, ObjectRef } from '../kube/index.js';
import type { AppProject, Application } from '../model/index.js';
import type { TargetSettings } from './target-settings.js';

/** What a sync or diff acts on: the app, its project, and the cluster it deploys to. */
export interface SyncTarget {
  app: Application;
  project: AppProject;
  cluster: { name: string; server: string };
  client: KubeClient;
  /**
   * The objects the app was last recorded with. Given, its tracked objects are looked for only in their kinds and
   * namespaces and the desired ones' (requests scale with the app); absent, in every listable kind of the cluster.
   */
  inventory?: readonly ObjectRef[];
  /**
   * The config repo's argocd-cm settings (`prepareTargetSettings`): custom health scripts, ignoreDifferences for every
   * app, and the kinds resource.exclusions / resource.inclusions leave alone. Absent: none.
   */
  settings?: TargetSettings;
}
