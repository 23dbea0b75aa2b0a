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

/**
 * Bounds on one render, so a hostile or careless source fails with a clear message instead of exhausting the
 * function. Each has a default and an environment variable (see limits.ts); a render's `limits` option wins.
 */
export interface RenderLimits {
  /** Bytes of one YAML document (one object, or one List) in a file or a tool's output. */
  maxObjectBytes: number;
  /** Bytes of manifests read or produced by one render, all files and tool output together. */
  maxRenderBytes: number;
  /** Objects one render may produce. */
  maxObjects: number;
  /** YAML alias (`*ref`) expansions per document, against "billion laughs" documents. */
  maxAliasCount: number;
  /** Nesting of mappings and sequences (block indentation plus flow brackets); at most 500. */
  maxDepth: number;
  /** A helm or kustomize process still running after this long is killed. */
  toolTimeoutMs: number;
  /** Bytes a tool may print on stdout (or stderr). */
  maxToolOutputBytes: number;
  /** Bytes of source copied into a render's own directory. */
  maxSourceBytes: number;
  /** Files copied into a render's own directory. */
  maxSourceFiles: number;
}

/** What decides the outbound URLs a render may fetch: remote Kustomize bases and Helm value files by URL. */
export interface RenderUrlPolicy {
  /**
   * The app's AppProject `sourceRepos`. A remote reference is fetched only when one of these patterns permits it
   * (Argo CD's matching, `!` patterns deny). Absent: every remote reference is refused.
   */
  sourceRepos?: readonly string[];
  /**
   * Allow URLs whose host is a loopback address (127.0.0.0/8, ::1, localhost), for the local stack's own servers.
   * Link-local and cloud metadata addresses are refused whatever this says. Default: false, unless SLUICE_ALLOW_LOOPBACK_URLS=true.
   */
  allowLoopbackUrls: boolean;
  /**
   * Let kustomizations name remote bases and files at all. Off unless SLUICE_KUSTOMIZE_REMOTE_REFS=true: kustomize
   * fetches what a remote base names in turn, unseen by Sluice, and Go sends requests to loopback addresses past
   * any proxy, so only the first level of references can be checked.
   */
  kustomizeRemoteRefs: boolean;
}
