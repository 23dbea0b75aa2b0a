/**
 * Sluice's view of Argo CD's ApplicationSet (argoproj.io/v1alpha1), after validation. Templates stay as written (plain
 * JSON values): they are rendered per parameter set and only then parsed as Applications.
 */

/** A parameter set: flat strings for the default template, nested values for goTemplate. */
export type Params = Record<string, unknown>;

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: LabelSelectorRequirement[];
}

/** `metadata` and `spec` of an Application, as written in the ApplicationSet (strings not yet rendered). */
export interface ApplicationTemplate {
  metadata: Record<string, unknown>;
  spec: Record<string, unknown>;
}

export interface ListGenerator {
  elements: unknown[];
  elementsYaml?: string;
  template?: ApplicationTemplate;
}

export interface ClustersGenerator {
  selector?: LabelSelector;
  values: Record<string, string>;
  template?: ApplicationTemplate;
}

export interface GitPathItem {
  path: string;
  exclude: boolean;
}

export interface GitGenerator {
  repoURL: string;
  revision: string;
  directories: GitPathItem[];
  files: GitPathItem[];
  pathParamPrefix?: string;
  values: Record<string, string>;
  template?: ApplicationTemplate;
}

export interface MatrixGenerator {
  generators: Generator[];
  template?: ApplicationTemplate;
}

export interface MergeGenerator {
  generators: Generator[];
  mergeKeys: string[];
  template?: ApplicationTemplate;
}

/** One entry of `spec.generators` (or of a matrix's or merge's `generators`): exactly one kind is set. */
export interface Generator {
  list?: ListGenerator;
  clusters?: ClustersGenerator;
  git?: GitGenerator;
  matrix?: MatrixGenerator;
  merge?: MergeGenerator;
  /** Filters the generator's parameter sets (string values only), as Argo CD's generator-level selector. */
  selector?: LabelSelector;
}

export type ApplicationsSyncPolicy = 'create-only' | 'create-update' | 'create-delete' | 'sync';

export interface ApplicationSet {
  name: string;
  namespace?: string;
  generators: Generator[];
  template: ApplicationTemplate;
  goTemplate: boolean;
  goTemplateOptions: string[];
  /** A Go template (goTemplate only) rendered per parameter set to YAML, then merged into the generated Application. */
  templatePatch?: string;
  /** Selectors of generators nested in a matrix or merge apply only when this is true, as in Argo CD. */
  applyNestedSelectors: boolean;
  syncPolicy: {
    /** Generated apps get no resources finalizer: removing one leaves its objects in the cluster. */
    preserveResourcesOnDeletion: boolean;
    applicationsSync: ApplicationsSyncPolicy;
  };
}
