import type { KubeObject } from '../kube/index.js';

/** Where a rendered object came from, for error messages: a repo-relative file and, for YAML, the line. */
export interface ManifestSource {
  file: string;
  line?: number;
}

/** One object produced by rendering an application's source. */
export interface Manifest {
  object: KubeObject;
  source: ManifestSource;
}

export type RenderTool = 'directory' | 'kustomize' | 'helm';
