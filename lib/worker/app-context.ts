import { SluiceError } from '../errors.js';
import { defaultProject, type AppProject, type Application } from '../model/index.js';
import { prepareTargetSettings, type TargetSettings } from '../sync/index.js';
import type { WorkerDeps } from './types.js';

/**
 * The app, its project and the config repo's argocd-cm settings (custom health compiled) from the registry, or why
 * the job cannot run.
 */
export async function appContext(deps: Pick<WorkerDeps, 'registry'>, name: string): Promise<{ app: Application; project: AppProject; settings?: TargetSettings }> {
  const snapshot = await deps.registry();
  const app = snapshot?.applications.find((a) => a.name === name);
  if (!app) throw new SluiceError(`app ${name} is not in the registry${snapshot ? ` (config revision ${snapshot.revision.slice(0, 12)})` : ' (the registry was never loaded; push to the config repo or run a reload)'}`);
  const project = snapshot?.projects.find((p) => p.name === app.project) ?? (app.project === 'default' ? defaultProject() : undefined);
  if (!project) throw new SluiceError(`app ${name}: project "${app.project}" is not in the registry`);
  const settings = await prepareTargetSettings(snapshot?.resourceSettings);
  return { app, project, ...(settings ? { settings } : {}) };
}
