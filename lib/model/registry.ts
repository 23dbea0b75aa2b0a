import { SpecError } from './errors.js';
import { defaultProject } from './default-project.js';
import { readManifests, type Origin } from './parse-manifests.js';
import { issueAt } from './spec-issues.js';
import type { Application, AppProject, SpecIssue } from './types.js';

/** Every Application and AppProject of a config repo; `projects` always includes `default`. */
export interface Registry {
  applications: Application[];
  projects: AppProject[];
  warnings: SpecIssue[];
}

export interface ConfigFile {
  /** Repo-relative path, used in every message. */
  path: string;
  content: string;
}

const manifestFile = /\.(ya?ml|json)$/i;

/**
 * Loads a config repo: parses its YAML/JSON files (others are skipped), then checks what spans files:
 * names are unique and every app's project exists. All problems are thrown together as one SpecError,
 * so a broken push never half-replaces the registry.
 */
export function loadRegistry(files: ConfigFile[]): Registry {
  const applications: { value: Application; origin: Origin }[] = [];
  const projects: { value: AppProject; origin: Origin }[] = [];
  const warnings: SpecIssue[] = [];
  const errors: SpecIssue[] = [];
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    if (!manifestFile.test(file.path)) continue;
    const located = readManifests(file.content, file.path);
    applications.push(...located.applications);
    projects.push(...located.projects);
    warnings.push(...located.warnings);
    errors.push(...located.errors);
  }
  errors.push(...duplicateNames('Application', applications), ...duplicateNames('AppProject', projects));
  const projectNames = new Set(['default', ...projects.map((project) => project.value.name)]);
  for (const { value, origin } of applications) {
    if (!projectNames.has(value.project)) {
      errors.push(issueAt(origin, ['spec', 'project'], `Application "${value.name}" refers to project "${value.project}", which is not defined; add an AppProject named "${value.project}" or use one of: ${[...projectNames].sort().join(', ')}`));
    }
  }
  if (errors.length > 0) throw new SpecError(errors);
  const hasDefault = projects.some((project) => project.value.name === 'default');
  return {
    applications: applications.map((entry) => entry.value),
    projects: [...(hasDefault ? [] : [defaultProject()]), ...projects.map((entry) => entry.value)],
    warnings,
  };
}

function duplicateNames(kind: string, entries: { value: { name: string }; origin: Origin }[]): SpecIssue[] {
  const first = new Map<string, Origin>();
  const issues: SpecIssue[] = [];
  for (const { value, origin } of entries) {
    const earlier = first.get(value.name);
    if (!earlier) first.set(value.name, origin);
    else {
      const line = earlier.lineOf?.(['metadata', 'name']);
      issues.push(issueAt(origin, ['metadata', 'name'], `${kind} "${value.name}" is already defined in ${earlier.file}${line ? ` at line ${line}` : ''}; ${kind} names must be unique in the config repo`));
    }
  }
  return issues;
}
