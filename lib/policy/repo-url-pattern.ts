/**
 * A repo URL in the form Argo CD compares them: lower-case, no `ssh://`, scp-style `git@host:org/repo` as
 * `git@host/org/repo`, no trailing `.git` or `/`. Both the project's patterns and the app's URL go through it.
 */
export function comparableRepoUrl(url: string): string {
  let out = url.trim().toLowerCase();
  if (/^[\w.-]+@[\w.-]+:(?!\/\/)/.test(out)) out = out.replace(':', '/');
  out = out.replace(/^ssh:\/\//, '').replace(/\/+$/, '');
  return out.endsWith('.git') ? out.slice(0, -'.git'.length) : out;
}
