import fs from 'node:fs';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { CheckoutProblem } from './errors.js';
import { authHeaders, cancelOnAuthFailure, onAuthFor } from './git-client.js';
import type { CheckoutBudget } from './limits.js';
import { materializeCommit } from './materialize-tree.js';
import type { GitAuth } from './types.js';

export interface GitCheckoutRequest {
  url: string;
  sha: string;
  auth?: GitAuth;
  /** Scratch object store, removed by the caller. */
  gitdir: string;
  /** Empty directory that receives the files. */
  dir: string;
  budget: CheckoutBudget;
}

/** Depths tried, from the branch and tag tips, when a server will not send a commit asked for by sha. */
const deepening = [100, 1000, undefined];

async function hasCommit(gitdir: string, sha: string): Promise<boolean> {
  try {
    await git.readCommit({ fs, gitdir, oid: sha });
    return true;
  } catch {
    return false;
  }
}

/**
 * Fetches exactly one commit over smart HTTP and writes its files to `dir`. Asks for the sha alone at depth 1
 * (servers send any commit reachable from a ref over HTTP); if the server refuses, walks back from every branch
 * and tag, deeper each time, until the commit turns up.
 */
export async function checkoutGitCommit(request: GitCheckoutRequest): Promise<void> {
  const { url, sha, gitdir } = request;
  const remote = { fs, http, gitdir, url, headers: authHeaders(request.auth), onAuth: onAuthFor(request.auth), onAuthFailure: cancelOnAuthFailure };
  await git.init({ fs, gitdir, bare: true });
  await git.addRemote({ fs, gitdir, remote: 'origin', url });
  await git.fetch({ ...remote, ref: sha, singleBranch: true, depth: 1, tags: false });
  for (const depth of deepening) {
    if (await hasCommit(gitdir, sha)) break;
    await git.fetch({ ...remote, singleBranch: false, tags: true, ...(depth ? { depth } : {}) });
  }
  if (!(await hasCommit(gitdir, sha))) {
    throw new CheckoutProblem('no branch or tag of the repository contains this commit (was it force-pushed away?)');
  }
  await materializeCommit(gitdir, sha, request.dir, request.budget);
}
