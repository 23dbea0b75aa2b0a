import { SluiceError } from '../errors.js';
import { diffView } from './diff-view.js';
import { ApiError } from './errors.js';
import type { ApiDeps, DiffView } from './types.js';

/**
 * The app's diff with its cluster, now. A problem the engine explains (Git unreachable, render failed,
 * cluster not registered or refusing) is a 502 carrying that message, which the engine keeps free of secrets.
 */
export async function liveDiff(deps: Pick<ApiDeps, 'diff'>, app: string, revision?: string): Promise<DiffView> {
  try {
    return diffView(app, await deps.diff(app, revision ? { revision } : {}));
  } catch (error) {
    if (error instanceof SluiceError) throw new ApiError(502, 'DiffFailed', `app ${app}: the diff could not be computed: ${error.message}`);
    throw error;
  }
}
