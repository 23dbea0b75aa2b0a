import { SluiceError } from '../errors.js';
import { diffView } from './diff-view.js';
import { ApiError } from './errors.js';
import type { ApiDeps, DiffView } from './types.js';

/**
 * The app's diff with its cluster, now. A problem the engine explains is `DiffFailed` carrying that message,
 * which the engine keeps free of secrets: 422 when it is the app's own (a render error or limit, a policy
 * refusal, an unregistered cluster: asking again gives the same answer), 502 when Git or the cluster failed
 * and asking again may work.
 */
export async function liveDiff(deps: Pick<ApiDeps, 'diff'>, app: string, revision?: string): Promise<DiffView> {
  try {
    return diffView(app, await deps.diff(app, revision ? { revision } : {}));
  } catch (error) {
    if (error instanceof SluiceError) throw new ApiError(error.transient ? 502 : 422, 'DiffFailed', `app ${app}: the diff could not be computed: ${error.message}`);
    throw error;
  }
}
