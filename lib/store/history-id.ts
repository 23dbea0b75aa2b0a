import { randomBytes } from 'node:crypto';

/**
 * `<ISO time>_<8 hex>`: sorts by time (fixed-width ISO), unique among entries of the same millisecond,
 * and needs no escaping in a URL path segment (unlike `#`).
 */
export function newHistoryId(time: string | Date): string {
  const date = new Date(time);
  const iso = (Number.isNaN(date.getTime()) ? new Date() : date).toISOString();
  return `${iso}_${randomBytes(4).toString('hex')}`;
}
