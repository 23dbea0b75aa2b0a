import type { KubeObject, ObjectRef } from '../kube/index.js';
import type { IgnoreDifference } from '../model/index.js';
import type { ChangeAction } from '../result/index.js';

export interface NormalizeOptions {
  /**
   * The `metadata.managedFields` that `managedFieldsManagers` rules read ownership from. Defaults to the object's
   * own; pass live's when normalising desired or a dry-run result, so both sides lose the same fields.
   */
  managedFields?: unknown;
}

export interface NormalizeResult {
  /** A normalised deep copy; the input is never changed. */
  object: KubeObject;
  /** Ignore rules that could not be applied, each naming the object first. */
  warnings: string[];
}

export interface DiffObjectInput {
  /** The manifest rendered from Git, tracking annotation included. */
  desired?: KubeObject;
  /** The object as the API server has it. */
  live?: KubeObject;
  /** The server-side dry-run apply of `desired`: what live would become. */
  predicted?: KubeObject;
  ignore?: readonly IgnoreDifference[];
}

/** What the diff found for one object; one shape for the engine, store, API, CLI and chat. */
export interface ObjectDiff {
  ref: ObjectRef;
  action: ChangeAction;
  /** Unified diff of live → desired as sorted-key YAML; empty when unchanged. Secret values are masked. */
  diff: string;
  /** Readable paths that differ, e.g. `spec.replicas`, `spec.template.spec.containers[name=web].image`. */
  changedPaths: string[];
  warnings: string[];
}

