import { isSourcePermitted } from '../policy/index.js';
import { resolveAllowed } from './address-policy.js';
import { RenderError } from './errors.js';
import type { RemoteRef } from './remote-ref.js';
import type { RenderUrlPolicy } from './types.js';

const fetched = new Set(['https:', 'http:']);

/** What a render does when its options leave a URL setting unset: the environment turns it on, else it is off. */
export function urlSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<RenderUrlPolicy, 'allowLoopbackUrls' | 'kustomizeRemoteRefs'> {
  const on = (name: string) => /^(1|true|yes)$/i.test(env[name] ?? '');
  return { allowLoopbackUrls: on('SLUICE_ALLOW_LOOPBACK_URLS'), kustomizeRemoteRefs: on('SLUICE_KUSTOMIZE_REMOTE_REFS') };
}

/**
 * Refuses a remote reference unless it is an http(s) URL the AppProject's sourceRepos permits and its host resolves
 * only to addresses a render may reach. `what` starts the message: the file and field that named the URL.
 */
export async function checkRemoteRef(ref: RemoteRef, policy: RenderUrlPolicy, what: string): Promise<void> {
  const refused = (why: string) => new RenderError(`${what} ${JSON.stringify(ref.written)}: ${why}`);
  if (!fetched.has(ref.protocol)) {
    throw refused(`${ref.protocol.replace(/:$/, '')} references are never fetched (only https:// and http://); ` +
      'vendor the files into this repository');
  }
  if (!ref.host) throw refused('not a valid URL');
  if (!policy.sourceRepos) {
    throw refused('remote references are refused because this render was not given the app\'s AppProject; ' +
      'vendor the files into this repository');
  }
  if (!ref.candidates.some((repo) => isSourcePermitted([...policy.sourceRepos!], repo))) {
    throw refused('the AppProject\'s sourceRepos does not permit this URL; add its repository to the project\'s ' +
      'sourceRepos or vendor the files into this repository');
  }
  try {
    await resolveAllowed(ref.host, policy.allowLoopbackUrls);
  } catch (error) {
    throw refused(`refused: ${(error as Error).message}`);
  }
}
