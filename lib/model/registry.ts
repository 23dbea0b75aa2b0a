import { defaultProject } from './default-project.js';
import { readManifests, type BrokenManifest, type Origin } from './parse-manifests.js';
import { argoCdConfigMapName } from './parse-argocd-cm.js';
import type { ResourceSettings } from './resource-settings.js';
import { issueAt } from './spec-issues.js';
import type { Application, AppProject, SpecIssue } from './types.js';

/**
 * Every Application and AppProject of a config repo that loaded; `projects` always includes `default`. Each
 * object stands alone: a broken one is reported in `errors` and `broken`, and the others load.
 */
export interface Registry {
  applications: Application[];
  projects: AppProject[];
  warnings: SpecIssue[];
  errors: SpecIssue[];
  broken: BrokenManifest[];
  /** The file each loaded object came from, by `Application/<name>`, `AppProject/<name>` or `ConfigMap/argocd-cm`. */
  files: Record<string, string>;
  /** The resource settings of the config repo's `argocd-cm` ConfigMap; absent when it has none. */
  resourceSettings?: ResourceSettings;
  /** The `argocd-cm` had entries that did not load (see `errors`): `resourceSettings` lacks them. */
  resourceSettingsIncomplete?: true;
}

export interface ConfigFile {
  /** Repo-relative path, used in every message. */
  path: string;
  content: string;
}

const manifestFile = /\.(ya?ml|json)$/i;

/**
 * Loads a config repo: parses its YAML/JSON files (others are skipped), then checks what spans files: names
 * are unique and every app's project exists. Problems are collected per object, never thrown: the second of
 * two same-named objects, an app of an undefined or broken project, or an invalid document is left out and
 * reported, so one bad Application cannot stop the others.
 */
export function loadRegistry(files: ConfigFile[]): Registry {
  const applications: { value: Application; origin: Origin }[] = [];
  const projects: { value: AppProject; origin: Origin }[] = [];
  const settings: { value: ResourceSettings; origin: Origin; complete: boolean }[] = [];
  const warnings: SpecIssue[] = [];
  const errors: SpecIssue[] = [];
  const broken: BrokenManifest[] = [];
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    if (!manifestFile.test(file.path)) continue;
    const located = readManifests(file.content, file.path);
    applications.push(...located.applications);
    projects.push(...located.projects);
    settings.push(...located.settings);
    warnings.push(...located.warnings);
    errors.push(...located.errors);
    broken.push(...located.broken);
    // A file that does not parse at all names no object: everything it held is treated as broken.
    const unreadable = located.errors.filter((issue) => !located.broken.some((b) => b.issues.includes(issue)));
    if (unreadable.length && !located.applications.length && !located.projects.length && !located.settings.length && !located.broken.length) {
      broken.push({ kind: 'Application', file: file.path, issues: unreadable });
    }
  }
  const uniqueProjects = keepFirst('AppProject', projects, errors, broken);
  const brokenProjects = new Set(broken.filter((b) => b.kind === 'AppProject' && b.name).map((b) => b.name!));
  const projectNames = new Set(['default', ...uniqueProjects.map((project) => project.value.name)]);
  const loadedApps = keepFirst('Application', applications, errors, broken).filter(({ value, origin }) => {
    if (projectNames.has(value.project)) return true;
    const issue = issueAt(origin, ['spec', 'project'], brokenProjects.has(value.project)
      ? `Application "${value.name}" refers to project "${value.project}", which did not load (see its own error)`
      : `Application "${value.name}" refers to project "${value.project}", which is not defined; add an AppProject named "${value.project}" or use one of: ${[...projectNames].sort().join(', ')}`);
    errors.push(issue);
    broken.push({ kind: 'Application', name: value.name, file: origin.file, issues: [issue] });
    return false;
  });
  const hasDefault = uniqueProjects.some((project) => project.value.name === 'default');
  const argoCdCm = keepFirst('ConfigMap', settings.map(({ value, origin, complete }) => ({ value: { name: argoCdConfigMapName, settings: value, complete }, origin })), errors, broken)[0];
  return {
    applications: loadedApps.map((entry) => entry.value),
    projects: [...(hasDefault ? [] : [defaultProject()]), ...uniqueProjects.map((entry) => entry.value)],
    warnings,
    errors,
    broken,
    files: Object.fromEntries([
      ...loadedApps.map(({ value, origin }) => [`Application/${value.name}`, origin.file]),
      ...uniqueProjects.map(({ value, origin }) => [`AppProject/${value.name}`, origin.file]),
      ...(argoCdCm ? [[`ConfigMap/${argoCdConfigMapName}`, argoCdCm.origin.file]] : []),
    ]),
    ...(argoCdCm ? { resourceSettings: argoCdCm.value.settings } : {}),
    ...(argoCdCm && !argoCdCm.value.complete ? { resourceSettingsIncomplete: true as const } : {}),
  };
}

/** The first object of each name; later ones are reported as duplicates and left out. */
function keepFirst<T extends { name: string }>(kind: BrokenManifest['kind'] | 'ConfigMap', entries: { value: T; origin: Origin }[], errors: SpecIssue[], broken: BrokenManifest[]): { value: T; origin: Origin }[] {
  const first = new Map<string, Origin>();
  return entries.filter(({ value, origin }) => {
    const earlier = first.get(value.name);
    if (!earlier) {
      first.set(value.name, origin);
      return true;
    }
    const line = earlier.lineOf?.(['metadata', 'name']);
    const issue = issueAt(origin, ['metadata', 'name'], `${kind} "${value.name}" is already defined in ${earlier.file}${line ? ` at line ${line}` : ''}; ${kind} names must be unique in the config repo`);
    errors.push(issue);
    if (kind !== 'ConfigMap') broken.push({ kind, name: value.name, file: origin.file, issues: [issue] });
    return false;
  });
}
