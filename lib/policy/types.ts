import type { ObjectRef } from '../kube/index.js';

/** The part of a rendered object the project rules look at. KubeObject fits. */
export interface PolicyObject {
  apiVersion: string;
  kind: string;
  metadata: { name?: string; namespace?: string };
  /** Read only for CustomResourceDefinitions, to learn the scope of the kinds they define. */
  spec?: unknown;
}

/** The destination cluster, resolved: its registered name and its API server URL. */
export interface ClusterRef {
  name: string;
  server: string;
  /** The cluster marked as Argo CD's in-cluster one: project destinations naming in-cluster match it too. */
  inCluster?: boolean;
}

/** Whether the cluster serves (group, kind) as namespaced; `undefined` when it does not know the kind. */
export type ScopeLookup = (group: string, kind: string) => boolean | undefined;

/** The AppProject field that refused. */
export type PolicyRule =
  | 'sourceRepos'
  | 'destinations'
  | 'clusterResourceWhitelist'
  | 'clusterResourceBlacklist'
  | 'namespaceResourceWhitelist'
  | 'namespaceResourceBlacklist';

export interface PolicyViolation {
  rule: PolicyRule;
  /** The object refused; absent when the application itself is (source repo, destination). */
  ref?: ObjectRef;
  /** Names the object or application first, then what the project forbids and what to change. */
  message: string;
}

export interface SyncWindowState {
  allowed: boolean;
  /** Why it is blocked, or why a manual sync may go ahead despite a window. */
  reason?: string;
}
