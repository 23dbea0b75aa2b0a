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
 * The fields that record `sha` as the app's deployed revision, or undefined when a newer commit is already
 * deployed. `newestCommitTime` only ever moves forward, so even after a rollback older jobs stay refused.
 */
export function deployedRevisionFields(current: AppStatus, sha: string, options: DeployedRevisionOptions = {}): Pick<AppStatus, 'revision' | 'revisionCommitTime' | 'newestCommitTime' | 'deployedAt'> | undefined {
  const commitTime = options.commitTime === undefined ? undefined : new Date(options.commitTime);
  if (commitTime && Number.isNaN(commitTime.getTime())) throw new TypeError(`app ${current.app}: commit time ${String(options.commitTime)} is not a date`);
  if (!options.force && commitTime && isOlderThanDeployed(current, commitTime)) return undefined;
  return {
    revision: sha,
    revisionCommitTime: commitTime?.toISOString(),
    newestCommitTime: commitTime && !isOlderThanDeployed(current, commitTime) ? commitTime.toISOString() : current.newestCommitTime,
    deployedAt: new Date().toISOString(),
  };
}

/**
 * Records `sha` as the app's deployed revision, unless a newer commit is already deployed: then it returns
 * false and changes nothing, so a late job for an old commit never replaces a newer deployment.
 */
export async function recordDeployedRevision(table: Table, app: string, sha: string, options: DeployedRevisionOptions = {}): Promise<boolean> {
  let recorded = false;
  await updateAppStatus(table, app, (current) => {
    const fields = deployedRevisionFields(current, sha, options);
    recorded = fields !== undefined;
    if (!fields) return undefined;
    const { app: _app, updatedAt: _updatedAt, version: _version, ...rest } = current;
    return { ...rest, ...fields };
  });
  return recorded;
}
