/** The UI's own paths. Redirects and links use only these, never a path taken from the request. */
export const appListPath = '/ui';

export function appPath(name: string, query: { diff?: 'live' } = {}): string {
  return `/ui/apps/${encodeURIComponent(name)}${query.diff ? `?diff=${query.diff}` : ''}`;
}
