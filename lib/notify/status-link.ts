/**
 * An app's page on the status page. STATUS_PAGE_URL is the page listing every app (e.g. `https://<api>/ui`);
 * an app's page is `<STATUS_PAGE_URL>/apps/<app>`, as lib/ui serves it. A URL holding `{app}` is a template
 * instead: the app's name replaces `{app}`.
 */
export function statusPageLink(statusPageUrl: string | undefined, app: string): string | undefined {
  if (!statusPageUrl) return undefined;
  const name = encodeURIComponent(app);
  return statusPageUrl.includes('{app}') ? statusPageUrl.replaceAll('{app}', name) : `${statusPageUrl.replace(/\/+$/, '')}/apps/${name}`;
}
