import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../../../infra/local/paths.js';
import { fetchRevision, type Checkout } from '../../../lib/source/index.js';
import { createRepo, type FileChanges } from '../../harness/git.js';
import { stack } from '../../harness/stack.js';

const fixturesDir = join(repoRoot, 'test', 'fixtures');

/** The files of a fixture folder (relative to test/fixtures), placed under `prefix` in a repository. */
export function fixtureFiles(fixture: string, prefix: string): FileChanges {
  const root = join(fixturesDir, fixture);
  const files: FileChanges = {};
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else files[`${prefix}/${relative(root, path)}`] = readFileSync(path, 'utf8');
    }
  };
  visit(root);
  return files;
}

/** Pushes `files` to a repository on the stack's git server and fetches that commit the way the worker does. */
export async function fetchedCheckout(files: FileChanges, name: string): Promise<Checkout> {
  const repo = createRepo(files, name);
  return fetchRevision(repo.url, repo.head(), { cacheDir: mkdtempSync(join(stack.runDir, 'render-cache-')) });
}

export const tools = { helm: stack.tools.helm, kustomize: stack.tools.kustomize, jsonnet: stack.tools.jsonnet };
