/**
 * Sluice's view of Argo CD's Application and AppProject (argoproj.io/v1alpha1), after validation and defaults.
 * The YAML users write is Argo CD's; these are the normalised shapes the engine works with.
 */

export interface HelmParameter {
  name: string;
  value: string;
  forceString?: boolean;
}

export interface HelmSource {
  releaseName?: string;
  valueFiles: string[];
  /** `values`: a YAML string. */
  values?: string;
  /** `valuesObject`: takes precedence over `values`. */
  valuesObject?: Record<string, unknown>;
  parameters: HelmParameter[];
  ignoreMissingValueFiles?: boolean;
  /** Send a Helm repository's credentials to chart archive URLs on other hosts too (Helm's --pass-credentials). */
  passCredentials?: boolean;
  /** Leave the chart's crds/ out (`helm template` without --include-crds). */
  skipCrds?: boolean;
  /** `helm template --namespace`, instead of the destination namespace. */
  namespace?: string;
  /** `--kube-version`; unset: the destination cluster's version. */
  kubeVersion?: string;
  /** `--api-versions`; unset: the destination cluster's API versions. */
  apiVersions?: string[];
}

/** A Kustomize patch as Argo CD's spec.source.kustomize.patches holds it: a file (`path`) or inline (`patch`). */
export interface KustomizePatch {
  path?: string;
  patch?: string;
  target?: { group?: string; version?: string; kind?: string; name?: string; namespace?: string; labelSelector?: string; annotationSelector?: string };
  options?: Record<string, boolean>;
}

export interface KustomizeSource {
  images: string[];
  namePrefix?: string;
  nameSuffix?: string;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  namespace?: string;
  replicas?: Array<{ name: string; count: number }>;
  patches?: KustomizePatch[];
  /** Component directories, relative to the kustomization, added with `kustomize edit add component`. */
  components?: string[];
  ignoreMissingComponents?: boolean;
  forceCommonLabels?: boolean;
  forceCommonAnnotations?: boolean;
  labelWithoutSelector?: boolean;
  labelIncludeTemplates?: boolean;
  /** Substitute `$ARGOCD_APP_*` in commonAnnotations values (images and commonLabels always are). */
  commonAnnotationsEnvsubst?: boolean;
}

/** One Jsonnet external variable or top-level argument: a string, or Jsonnet code when `code` is set. */
export interface JsonnetVariable {
  name: string;
  value: string;
  code: boolean;
}

export interface JsonnetSource {
  extVars: JsonnetVariable[];
  tlas: JsonnetVariable[];
  /** Library directories, relative to the repository root (Argo CD's rule), searched by `import`. */
  libs: string[];
}

export interface DirectorySource {
  recurse: boolean;
  /** Glob(s), Argo CD style: `'*.yaml'` or `'{a.yaml,b.yaml}'`. */
  include?: string;
  exclude?: string;
  jsonnet?: JsonnetSource;
}

export interface ApplicationSource {
  /** A Git repository; with `chart`, a Helm repository (https://) or an OCI registry (oci://host/path or host/path). */
  repoURL: string;
  /** Branch, tag, commit sha or `HEAD`; with `chart`, a chart version or a semver range. Defaults to `HEAD`. */
  targetRevision: string;
  /** A chart in the Helm repository or OCI registry repoURL names (path is then unused). */
  chart?: string;
  path: string;
  helm?: HelmSource;
  kustomize?: KustomizeSource;
  directory?: DirectorySource;
  /**
   * In spec.sources: the name other sources' Helm value files use for this source's repository (`$<ref>/path`).
   * A ref source with no path (`refOnly`) provides files only and renders nothing.
   */
  ref?: string;
  /** A ref source written without a path: nothing of it is rendered. */
  refOnly?: boolean;
  /** Argo CD's optional source name (spec.sources[].name); informational. */
  name?: string;
}

export interface ApplicationDestination {
  /** A registered cluster's name... */
  name?: string;
  /** ...or its API server URL. */
  server?: string;
  namespace?: string;
}

export interface RetryPolicy {
  limit: number;
  backoff: { duration: string; factor: number; maxDuration: string };
}

export interface SyncOptions {
  createNamespace: boolean;
  pruneLast: boolean;
  applyOutOfSyncOnly: boolean;
  serverSideApply: boolean;
  validate: boolean;
  replace: boolean;
  force: boolean;
}

export interface SyncPolicy {
  automated?: { prune: boolean; selfHeal: boolean; allowEmpty: boolean };
  syncOptions: SyncOptions;
  retry?: RetryPolicy;
}

export interface IgnoreDifference {
  group: string;
  kind: string;
  name?: string;
  namespace?: string;
  jsonPointers: string[];
  jqPathExpressions: string[];
  managedFieldsManagers: string[];
}

export interface Application {
  name: string;
  /** The namespace the Application object itself lives in (Argo CD's `argocd`); informational. */
  namespace?: string;
  project: string;
  /** The app's source; for a multi-source app, spec.sources[0] (as Argo CD's GetSource). */
  source: ApplicationSource;
  /**
   * Set only for a multi-source app (spec.sources): every source, in order. Its revision is then the sources'
   * revisions in this order, comma-separated (see revisionsOf), like Argo CD's revisions[].
   */
  sources?: ApplicationSource[];
  destination: ApplicationDestination;
  syncPolicy: SyncPolicy;
  ignoreDifferences: IgnoreDifference[];
  revisionHistoryLimit: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /**
   * `metadata.finalizers` as written; absent when empty. `resources-finalizer.argocd.argoproj.io` (or its `/foreground`,
   * `/background` forms) makes removing the app delete its objects (see deletionPolicyOf).
   */
  finalizers?: string[];
  /** Absent for an app of the config repo; set for a child of an app of apps or an ApplicationSet's app. */
  parent?: AppParent;
}

/**
 * What put an app (or project) in the registry when the config repo did not: an app whose render held it (app of apps)
 * or an ApplicationSet that generated it. Set by registerChildren, never read from YAML.
 */
export interface AppParent {
  kind: 'Application' | 'ApplicationSet';
  name: string;
}

export interface GroupKind {
  group: string;
  kind: string;
}

export interface SyncWindow {
  kind: 'allow' | 'deny';
  schedule: string;
  duration: string;
  applications: string[];
  namespaces: string[];
  clusters: string[];
  manualSync: boolean;
  timeZone?: string;
  /** Argo CD's `andOperator`: the app must match every non-empty selector instead of any. */
  andOperator?: boolean;
}

export interface AppProject {
  name: string;
  /** Globs over repo URLs; `*` allows any. */
  sourceRepos: string[];
  /** `server` or `name` globs, and a namespace glob. */
  destinations: ApplicationDestination[];
  clusterResourceWhitelist: GroupKind[];
  clusterResourceBlacklist: GroupKind[];
  namespaceResourceWhitelist: GroupKind[];
  namespaceResourceBlacklist: GroupKind[];
  syncWindows: SyncWindow[];
  /** Absent for a project of the config repo; set for one an app of apps rendered. */
  parent?: AppParent;
}

/** A registered cluster: credentials are never here, only where to find them. */
export interface ClusterRecord {
  name: string;
  server: string;
  /** Secrets Manager secret id (name or ARN) holding the ClusterCredentials JSON. */
  secretRef: string;
  /**
   * The cluster Argo CD's in-cluster destination means (`server: https://kubernetes.default.svc` or
   * `name: in-cluster`); at most one registered cluster has it (`sluice cluster add … --in-cluster`).
   */
  inCluster?: boolean;
  /** Labels for ApplicationSet clusters generators (`sluice cluster add … --label env=prod`); absent: none. */
  labels?: Record<string, string>;
}

/** An EKS cluster reached through IAM: the worker's role (or `roleArn`, assumed) is the only credential. */
export interface EksClusterAccess {
  type: 'eks';
  clusterName: string;
  region: string;
  /** A role to assume for this cluster (another account's, say); else the function's own role signs. */
  roleArn?: string;
  /** The external id the role's trust policy asks for. */
  externalId?: string;
  /** API server URL and CA; looked up with eks:DescribeCluster when absent. */
  server?: string;
  caData?: string;
}

/** What a cluster secret holds: static credentials, or how to reach an EKS cluster through IAM. */
export type ClusterAccess = ClusterCredentials | EksClusterAccess;

/** Static credentials: a bearer token or a client certificate, plus the CA. PEM strings. */
export interface ClusterCredentials {
  server: string;
  caData?: string;
  token?: string;
  clientCertData?: string;
  clientKeyData?: string;
  insecureSkipTlsVerify?: boolean;
}

/** A problem in a spec, naming the file, the field and what is expected. */
export interface SpecIssue {
  file: string;
  /** Dotted path, e.g. `spec.source.helm.valueFiles[1]`. */
  field: string;
  message: string;
}
