import { isTransientError } from '../errors.js';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { SourceError } from './errors.js';
import { cancelOnAuthFailure, describeGitFailure, onAuthFor } from './git-client.js';
import { matchRevision, type AdvertisedRef } from './match-revision.js';
import { redactText } from './redact.js';
import { displayRepoUrl, httpRepoUrl } from './repo-url.js';
import type { GitAuth } from './types.js';

/**
 * The full commit sha that `revision` (branch, tag, sha, or `HEAD` for the default branch) names in the repository
 * now. One ls-remote over smart HTTP; nothing is cloned.
 */
export async function resolveRevision(repoURL: string, revision: string, auth?: GitAuth): Promise<string> {
  const label = `${displayRepoUrl(repoURL)}@${revision || 'HEAD'}`;
  let refs: AdvertisedRef[];
  try {
    refs = await git.listServerRefs({
      http, url: httpRepoUrl(repoURL), symrefs: true, peelTags: true,
      onAuth: onAuthFor(auth), onAuthFailure: cancelOnAuthFailure,
    });
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(`${label}: ${redactText(describeGitFailure(error))}`, { transient: isTransientError(error) });
  }
  const match = matchRevision(refs, revision);
  if ('problem' in match) throw new SourceError(`${label}: ${match.problem}`);
  return match.sha;
}
