import { Html, html } from './html.js';
import { stylesheet } from './style.js';
import { utcTime } from './format.js';

export interface PageOptions {
  title: string;
  body: Html;
  now: Date;
  /** Reload the page every this many seconds (a `<meta http-equiv=refresh>`: no script). */
  refreshSeconds?: number;
}

/** The whole document: responsive (viewport meta), no script, one hashed inline stylesheet. */
export function page({ title, body, now, refreshSeconds }: PageOptions): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${refreshSeconds ? html`<meta http-equiv="refresh" content="${refreshSeconds}">` : ''}
<title>${title} · Sluice</title>
<link rel="icon" href="data:,">
<style>${stylesheetText()}</style>
</head>
<body>
<nav class="top" aria-label="Sluice"><a class="brand" href="/ui">Sluice</a><a href="/ui">Applications</a></nav>
<main>
${body}
</main>
<footer>Read-only view of the Sluice status API. Rendered ${utcTime(now.toISOString())}${refreshSeconds ? `; refreshes every ${refreshSeconds} s` : ''}.</footer>
</body>
</html>
`;
}

/** The stylesheet is a constant of ours (its hash is in the CSP), so it is the one text inserted unescaped. */
function stylesheetText(): Html {
  return new Html(stylesheet);
}
