/** Basic-auth credentials for a chart repository or registry (a `type: helm` repository secret). */
export interface ChartAuth {
  username?: string;
  password: string;
}

/** The stored credentials for a chart repository URL (`oci://host/path` for a registry), or undefined. */
export type ChartCredentials = (repoURL: string, options?: { refresh?: boolean }) => Promise<ChartAuth | undefined>;

/** How charts are fetched: where they are cached, what may be reached, the bounds. */
export interface ChartFetchOptions {
  /** Charts are kept under `<cacheDir>/charts`, by digest. */
  cacheDir: string;
  credentials?: ChartCredentials;
  allowLoopbackUrls: boolean;
  timeoutMs: number;
  /** Bytes of one index.yaml, manifest or chart archive. */
  maxBytes: number;
}

/** One chart version a repository lists: where its archive is and, when known, its sha256 digest. */
export interface ChartVersionEntry {
  version: string;
  /** Absolute archive URLs (Helm repository) — empty for an OCI registry. */
  urls: string[];
  /** `sha256:<hex>` when the repository states it. */
  digest?: string;
}

/** A chart unpacked in the cache: `dir/chart` is the chart directory; never written after it is made. */
export interface FetchedChart {
  /** The directory holding the chart directory `chart` (the "checkout" a render reads). */
  dir: string;
  /** The chart directory's name inside `dir`. */
  path: string;
  name: string;
  version: string;
  /** `sha256:<hex>` of the chart archive. */
  digest: string;
}
