import { relative, sep } from 'node:path';

/** `to` relative to `from`, `/`-separated as in every message and manifest path; `.` when they are the same. */
export function relativePath(from: string, to: string): string {
  return relative(from, to).split(sep).join('/') || '.';
}
