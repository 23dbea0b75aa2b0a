import { SpecError } from './errors.js';
import { parseAppProject } from './parse-app-project.js';
import { parseApplication } from './parse-application.js';
import { issueAt } from './spec-issues.js';
import type { Application, AppProject, SpecIssue } from './types.js';

const argoGroup = 'argoproj.io';
const argoApiVersion = `${argoGroup}/v1alpha1`;

/** A rendered object with where it came from (its file in the app's source, or the tool's output). */
export interface RenderedObject {
  object: unknown;
  file: string;
}

/** The Argo CD objects of one render (app of apps): they join the registry as the app's children, never the cluster. */
export interface ChildObjects {
  applications: Application[];
  projects: AppProject[];
  /** One per child that could not be read: refused on the parent, the other children load. */
  errors: SpecIssue[];
  warnings: SpecIssue[];
}

/** An `argoproj.io` Application or AppProject: a child of the app whose render holds it, not an object for a cluster. */
export function isChildObject(object: unknown): boolean {
  if (object === null || typeof object !== 'object') return false;
  const { apiVersion, kind } = object as { apiVersion?: unknown; kind?: unknown };
  return (kind === 'Application' || kind === 'AppProject') && typeof apiVersion === 'string' && apiVersion.split('/')[0] === argoGroup;
}

/**
 * Reads a render's child Applications and AppProjects with the config repo's parser, so a child is held to the
 * same schema, feature rules and messages as an app of the config repo. Each stands alone: an invalid one, one of
 * an apiVersion Sluice does not read, or the second of two with one name is an error and left out.
 */
export function readChildObjects(objects: readonly RenderedObject[]): ChildObjects {
  const out: ChildObjects = { applications: [], projects: [], errors: [], warnings: [] };
  const seen = new Set<string>();
  for (const { object, file } of objects) {
    if (!isChildObject(object)) continue;
    const { apiVersion, kind, metadata } = object as { apiVersion: string; kind: 'Application' | 'AppProject'; metadata?: { name?: unknown } };
    const label = `${kind} ${typeof metadata?.name === 'string' ? `"${metadata.name}"` : '(no name)'}`;
    if (apiVersion !== argoApiVersion) {
      out.errors.push(issueAt({ file }, ['apiVersion'], `${label}: expected "${argoApiVersion}", got ${JSON.stringify(apiVersion)}`));
      continue;
    }
    try {
      const parsed = kind === 'Application' ? parseApplication(object, file) : parseAppProject(object, file);
      const name = 'application' in parsed ? parsed.application.name : parsed.project.name;
      if (seen.has(`${kind}/${name}`)) {
        out.errors.push(issueAt({ file }, ['metadata', 'name'], `${kind} "${name}" is rendered twice; names of child ${kind === 'Application' ? 'apps' : 'projects'} must be unique`));
        continue;
      }
      seen.add(`${kind}/${name}`);
      if ('application' in parsed) out.applications.push(parsed.application);
      else out.projects.push(parsed.project);
      out.warnings.push(...parsed.warnings);
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      out.errors.push(...error.issues.map((issue) => ({ ...issue, message: `${label}: ${issue.message}` })));
    }
  }
  return out;
}
