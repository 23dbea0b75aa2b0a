import { SpecError } from './errors.js';
import { parseAppProject } from './parse-app-project.js';
import { parseApplication } from './parse-application.js';
import { isArgoCdConfigMap, parseArgoCdCm } from './parse-argocd-cm.js';
import type { ResourceSettings } from './resource-settings.js';
import { issueAt, type SpecContext } from './spec-issues.js';
import type { Application, AppProject, SpecIssue } from './types.js';
import { readYamlDocuments, type LineOf, type YamlDocument } from './yaml-documents.js';

export interface Manifests {
  applications: Application[];
  projects: AppProject[];
  warnings: SpecIssue[];
}

/** Where a parsed object was written: its file and a line lookup into its document. */
export interface Origin {
  file: string;
  lineOf?: LineOf;
}

/** Manifests plus where each came from, for cross-file checks (duplicates, unknown projects). */
export interface LocatedManifests {
  applications: { value: Application; origin: Origin }[];
  projects: { value: AppProject; origin: Origin }[];
  /** Argo CD's `argocd-cm` ConfigMap: what loaded of it, and whether some entry did not (its errors are in `errors`). */
  settings: { value: ResourceSettings; origin: Origin; complete: boolean }[];
  warnings: SpecIssue[];
  errors: SpecIssue[];
  /** Documents that name an Application or AppProject but are invalid: their errors are in `errors` too. */
  broken: BrokenManifest[];
}

/** An Application or AppProject that could not be loaded; `name` when the document still says it. */
export interface BrokenManifest {
  kind: 'Application' | 'AppProject';
  name?: string;
  file: string;
  issues: SpecIssue[];
}

const argoGroup = 'argoproj.io';
const argoApiVersion = `${argoGroup}/v1alpha1`;

/**
 * Parses a multi-document YAML file of Argo CD Applications and AppProjects. Documents of other kinds are
 * reported as warnings; every invalid field in every document is collected into one SpecError.
 */
export function parseManifests(text: string, file: string): Manifests {
  const located = readManifests(text, file);
  if (located.errors.length > 0) throw new SpecError(located.errors);
  return {
    applications: located.applications.map((entry) => entry.value),
    projects: located.projects.map((entry) => entry.value),
    warnings: located.warnings,
  };
}

/** Like parseManifests, but returns errors instead of throwing and keeps each object's origin. */
export function readManifests(text: string, file: string): LocatedManifests {
  const { documents, issues } = readYamlDocuments(text, file);
  const out: LocatedManifests = { applications: [], projects: [], settings: [], warnings: [], errors: [...issues], broken: [] };
  for (const document of documents) {
    if (document.value === undefined) continue;
    try {
      readDocument(document, file, out);
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      out.errors.push(...error.issues);
      const broken = brokenManifest(document.value, file, error.issues);
      if (broken) out.broken.push(broken);
    }
  }
  return out;
}

function readDocument(document: YamlDocument, file: string, out: LocatedManifests): void {
  const context: SpecContext = { file, lineOf: document.lineOf };
  const { value } = document;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    out.warnings.push(issueAt(context, [], 'document is not a mapping, so not an Argo CD Application or AppProject; ignored'));
    return;
  }
  const { apiVersion, kind } = value as { apiVersion?: unknown; kind?: unknown };
  const origin: Origin = { file, lineOf: document.lineOf };
  if ((kind === 'Application' || kind === 'AppProject') && typeof apiVersion === 'string' && apiVersion.startsWith(`${argoGroup}/`) && apiVersion !== argoApiVersion) {
    out.errors.push(issueAt(context, ['apiVersion'], `expected "${argoApiVersion}" for an Argo CD ${kind}, got ${JSON.stringify(apiVersion)}`));
  } else if (kind === 'Application' && apiVersion === argoApiVersion) {
    const { application, warnings } = parseApplication(value, file, document.lineOf);
    out.applications.push({ value: application, origin });
    out.warnings.push(...warnings);
  } else if (kind === 'AppProject' && apiVersion === argoApiVersion) {
    const { project, warnings } = parseAppProject(value, file, document.lineOf);
    out.projects.push({ value: project, origin });
    out.warnings.push(...warnings);
  } else if (kind === 'ApplicationSet' && apiVersion === argoApiVersion) {
    // Read by lib/applicationset (readApplicationSets): the reload generates its Applications.
  } else if (isArgoCdConfigMap(value)) {
    const parsed = parseArgoCdCm(value, file, document.lineOf);
    out.settings.push({ value: parsed.settings, origin, complete: parsed.errors.length === 0 });
    out.warnings.push(...parsed.warnings);
    out.errors.push(...parsed.errors);
  } else {
    out.warnings.push(issueAt(context, kind === undefined ? [] : ['kind'], otherKindMessage(apiVersion, kind)));
  }
}

function brokenManifest(value: unknown, file: string, issues: SpecIssue[]): BrokenManifest | undefined {
  const { kind, metadata } = (value ?? {}) as { kind?: unknown; metadata?: { name?: unknown } };
  if (kind !== 'Application' && kind !== 'AppProject') return undefined;
  const name = typeof metadata?.name === 'string' && metadata.name !== '' ? metadata.name : undefined;
  return { kind, ...(name ? { name } : {}), file, issues };
}

function otherKindMessage(apiVersion: unknown, kind: unknown): string {
  if (typeof kind !== 'string') return 'document has no kind, so it is not an Argo CD Application or AppProject; ignored';
  if (apiVersion === argoApiVersion) return `${kind} is not supported by Sluice yet; ignored`;
  return `${kind}${typeof apiVersion === 'string' ? ` (${apiVersion})` : ''} is not an Argo CD Application or AppProject; ignored`;
}
