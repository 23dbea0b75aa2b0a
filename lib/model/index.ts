export type {
  Application,
  ApplicationDestination,
  ApplicationSource,
  AppParent,
  AppProject,
  ClusterAccess,
  ClusterCredentials,
  ClusterRecord,
  DirectorySource,
  EksClusterAccess,
  GroupKind,
  HelmParameter,
  HelmSource,
  IgnoreDifference,
  JsonnetSource,
  JsonnetVariable,
  KustomizePatch,
  KustomizeSource,
  RetryPolicy,
  SpecIssue,
  SyncOptions,
  SyncPolicy,
  SyncWindow,
} from './types.js';
export { parseApplication, type ParsedApplication } from './parse-application.js';
export { inClusterName, inClusterServer, isInClusterDestination, isInClusterServer } from './in-cluster.js';
export { appSources, isMultiRevision, joinRevisions, multiSourceIssues, refValueFile, revisionsOf, targetRevisionOf } from './multi-source.js';
export { parseAppProject, type ParsedAppProject } from './parse-app-project.js';
export { parseManifests, type Manifests } from './parse-manifests.js';
export { loadRegistry, type ConfigFile, type Registry } from './registry.js';
export { withLastGood, type LastGoodRegistry, type RegistryInForce } from './last-good.js';
export type { BrokenManifest } from './parse-manifests.js';
export { defaultProject } from './default-project.js';
export { defaultSyncOptions } from './sync-options.js';
export { parseClusterLabels, parseClusterRecord } from './cluster-record.js';
export { isEksAccess, parseClusterCredentials } from './cluster-credentials.js';
export { parseDuration } from './duration.js';
export { readYamlDocuments, type LineOf, type YamlDocument } from './yaml-documents.js';
export { SpecError } from './errors.js';
export { issueAt, issueText, type SpecContext } from './spec-issues.js';
export { parseWithSchema } from './parse-with-schema.js';
export { isExcludedResource, noResourceSettings, overrideKeyOf, type CustomHealthScript, type ResourceFilter, type ResourceSettings } from './resource-settings.js';
export { argoCdConfigMapName, parseArgoCdCm, type ParsedArgoCdCm } from './parse-argocd-cm.js';
export { backgroundFinalizer, deletionPolicyOf, foregroundFinalizer, resourcesFinalizer, type DeletionPolicy } from './finalizers.js';
export { isChildObject, readChildObjects, type ChildObjects, type RenderedObject } from './child-objects.js';
export { ancestorsOf, loopRefusal } from './app-lineage.js';
