import { globMatch } from '../util/index.js';

export function isDenyPattern(pattern: string): boolean {
  return pattern.startsWith('!');
}

/** Argo CD's rule for project patterns: `*` alone matches everything, even across separators. */
export function patternMatches(pattern: string, value: string, separator?: '/'): boolean {
  return pattern === '*' || globMatch(pattern, value, separator);
}
