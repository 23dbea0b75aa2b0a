import type { GoTemplateResult } from '../go-template.js';
import type { ApplicationSet, Params } from '../types.js';

/** A registered cluster as the clusters generator sees it. */
export interface ClusterInfo {
  name: string;
  server: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The cluster Argo CD's in-cluster destination names. */
  inCluster?: boolean;
}

/** A repository at one revision, read for the git generator (the worker reads it through lib/source). */
export interface GitReader {
  /** Every directory of the repository, `/`-separated and relative to its root, without the root and hidden ones. */
  directories(repoURL: string, revision: string): Promise<string[]>;
  /** Every file, `/`-separated and relative to its root (hidden ones too), with its content read on demand. */
  files(repoURL: string, revision: string): Promise<{ path: string; read(): Promise<string> }[]>;
}

export type GoTemplateRenderer = (items: { value: unknown; params: Params }[]) => Promise<GoTemplateResult[]>;

export interface GeneratorContext {
  applicationSet: ApplicationSet;
  clusters: readonly ClusterInfo[];
  git: GitReader;
  /** Renders with Go templates (goTemplate: true); unused otherwise. */
  goTemplate: GoTemplateRenderer;
  /** Parameter sets a generator may produce, all generators together; default 10,000. */
  maxParamSets?: number;
}
