import { argoCdConfigMapName } from './parse-argocd-cm.js';
import type { BrokenManifest } from './parse-manifests.js';
import type { Registry } from './registry.js';
import type { ResourceSettings } from './resource-settings.js';
import type { Application, AppProject } from './types.js';

/** The registry in force before a reload: what a broken object falls back to. */
export interface LastGoodRegistry {
  applications: Application[];
  projects: AppProject[];
  /** The file each object came from, by `Application/<name>`, `AppProject/<name>` or `ConfigMap/argocd-cm`. */
  files?: Record<string, string>;
  resourceSettings?: ResourceSettings;
}

export interface RegistryInForce {
  applications: Application[];
  projects: AppProject[];
  files: Record<string, string>;
  /** Apps and projects running on their last good definition because this revision's is broken. */
  staleApps: string[];
  staleProjects: string[];
  resourceSettings?: ResourceSettings;
  /** The `argocd-cm` is broken at this revision and its last good settings stay in force. */
  staleResourceSettings: boolean;
}

/**
 * The registry to put in force after a reload: what loaded, plus, for every object that is broken at this
 * revision, its last good definition (matched by name, or by file when the file did not parse at all). An
 * object that left the config repo is gone; one that is broken is never deleted for being broken.
 */
export function withLastGood(loaded: Registry, previous: LastGoodRegistry | undefined): RegistryInForce {
  const files = { ...loaded.files };
  const keep = <T extends { name: string }>(kind: BrokenManifest['kind'], current: T[], before: T[]): { objects: T[]; stale: string[] } => {
    const present = new Set(current.map((object) => object.name));
    const stale = before.filter((object) => !present.has(object.name) && loaded.broken.some((b) => isBroken(b, kind, object.name, previous?.files)));
    for (const object of stale) {
      const file = previous?.files?.[`${kind}/${object.name}`];
      if (file) files[`${kind}/${object.name}`] = file;
    }
    return { objects: [...current, ...stale], stale: stale.map((object) => object.name).sort() };
  };
  const apps = keep('Application', loaded.applications, previous?.applications ?? []);
  const projects = keep('AppProject', loaded.projects, previous?.projects ?? []);
  const settings = settingsInForce(loaded, previous, files);
  return {
    applications: apps.objects, projects: projects.objects, files, staleApps: apps.stale, staleProjects: projects.stale,
    ...(settings.value ? { resourceSettings: settings.value } : {}), staleResourceSettings: settings.stale,
  };
}

/**
 * The `argocd-cm` is one object like an app: when some entry of it is broken (or its file does not parse), its last
 * good settings stay whole rather than losing that entry (an exclusion, say); with none, what loaded of it serves.
 */
function settingsInForce(loaded: Registry, previous: LastGoodRegistry | undefined, files: Record<string, string>): { value?: ResourceSettings; stale: boolean } {
  const key = `ConfigMap/${argoCdConfigMapName}`;
  const previousFile = previous?.files?.[key];
  const unreadable = previousFile !== undefined && !loaded.files[key] && loaded.broken.some((b) => !b.name && b.file === previousFile);
  if (previous?.resourceSettings && (loaded.resourceSettingsIncomplete || unreadable)) {
    if (previousFile) files[key] = previousFile;
    return { value: previous.resourceSettings, stale: true };
  }
  return { value: loaded.resourceSettings, stale: false };
}

function isBroken(broken: BrokenManifest, kind: BrokenManifest['kind'], name: string, files: Record<string, string> | undefined): boolean {
  if (broken.name) return broken.kind === kind && broken.name === name;
  return files?.[`${kind}/${name}`] === broken.file;
}
