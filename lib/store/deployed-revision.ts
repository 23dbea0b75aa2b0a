import { updateAppStatus } from './app-status.js';
import type { Table } from './table.js';
import type { AppStatus } from './types.js';

export interface DeployedRevisionOptions {
  /** The commit's time; with it, a commit older than the newest one deployed is refused. */
  commitTime?: string | Date;
  /** Record even an older commit (rollback, a manual sync of an older sha). */
  force?: boolean;
}

/** Whether a commit of `commitTime` is older than the newest commit already deployed to the app. */
export function isOlderThanDeployed(status: Pick<AppStatus, 'newestCommitTime'> | undefined, commitTime: string | Date): boolean {
  const newest = status?.newestCommitTime;
  return newest !== undefined && Date.parse(newest) > new Date(commitTime).getTime();
}

/**
 * Records `sha` as the app's deployed revision, unless a newer commit is already deployed: then it returns
 * false and changes nothing, so a late job for an old commit never replaces a newer deployment.
 * `newestCommitTime` only ever moves forward, so even after a rollback older jobs stay refused.
 */
export async function recordDeployedRevision(table: Table, app: string, sha: string, options: DeployedRevisionOptions = {}): Promise<boolean> {
  const commitTime = options.commitTime === undefined ? undefined : new Date(options.commitTime);
  if (commitTime && Number.isNaN(commitTime.getTime())) throw new TypeError(`app ${app}: commit time ${String(options.commitTime)} is not a date`);
  let recorded = false;
  await updateAppStatus(table, app, (current) => {
    recorded = false;
    if (!options.force && commitTime && isOlderThanDeployed(current, commitTime)) return undefined;
    recorded = true;
    const newest = commitTime && !isOlderThanDeployed(current, commitTime) ? commitTime.toISOString() : current.newestCommitTime;
    const { app: _app, updatedAt: _updatedAt, version: _version, ...fields } = current;
    return {
      ...fields,
      revision: sha,
      revisionCommitTime: commitTime?.toISOString(),
      newestCommitTime: newest,
      deployedAt: new Date().toISOString(),
    };
  });
  return recorded;
}
