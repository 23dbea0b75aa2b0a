import { isAbsolute, posix, relative, resolve, sep } from 'node:path';

/**
 * Why a path taken from a Git tree or an archive may not be written under the checkout, or undefined when it may.
 * Paths are `/`-separated and relative to the checkout root.
 */
export function unsafeEntryPath(path: string): string | undefined {
  if (path === '' || path.includes('\0')) return 'an empty or NUL-containing path';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\')) return 'an absolute path or a backslash';
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return 'a ".." segment, which would escape the checkout';
  if (segments.some((s) => s.toLowerCase() === '.git')) return 'a ".git" segment';
  return undefined;
}

/** True when a symlink at `linkPath` (checkout-relative) pointing at `target` stays inside the checkout, judged by its text. */
export function symlinkTargetInside(linkPath: string, target: string): boolean {
  if (target === '' || posix.isAbsolute(target) || /^[A-Za-z]:/.test(target) || target.includes('\\')) return false;
  const resolved = posix.normalize(posix.join(posix.dirname(linkPath), target));
  return resolved !== '..' && !resolved.startsWith('../');
}

/** True when the absolute path `candidate` is `root` or below it. */
export function isInside(root: string, candidate: string): boolean {
  const rel = relative(resolve(root), resolve(candidate));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** `root` joined with the relative `path`, or undefined when the result would leave `root`. */
export function resolveInside(root: string, path: string): string | undefined {
  const target = resolve(root, path.replace(/^\/+/, ''));
  return isInside(root, target) ? target : undefined;
}
