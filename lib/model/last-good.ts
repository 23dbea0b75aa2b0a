import type { BrokenManifest } from './parse-manifests.js';
import type { Registry } from './registry.js';
import type { Application, AppProject } from './types.js';

/** The registry in force before a reload: what a broken object falls back to. */
export interface LastGoodRegistry {
  applications: Application[];
  projects: AppProject[];
  /** The file each object came from, by `Application/<name>` or `AppProject/<name>`. */
  files?: Record<string, string>;
}

export interface RegistryInForce {
  applications: Application[];
  projects: AppProject[];
  files: Record<string, string>;
  /** Apps and projects running on their last good definition because this revision's is broken. */
  staleApps: string[];
  staleProjects: string[];
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
  return { applications: apps.objects, projects: projects.objects, files, staleApps: apps.stale, staleProjects: projects.stale };
}

function isBroken(broken: BrokenManifest, kind: BrokenManifest['kind'], name: string, files: Record<string, string> | undefined): boolean {
  if (broken.name) return broken.kind === kind && broken.name === name;
  return files?.[`${kind}/${name}`] === broken.file;
}
