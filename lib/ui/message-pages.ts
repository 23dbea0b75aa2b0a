import { html, type Html } from './html.js';
import { appListPath } from './paths.js';

/** The 401 page: how to sign in. `problem` says what was wrong with a token given; the token is never shown. */
export function signInBody(options: { problem?: string; retry: string; cookieHours: number }): Html {
  return html`<h1>Sign in</h1>
${options.problem ? html`<p class="notice">${options.problem}</p>` : ''}
<p>These pages need a Sluice API token (role <code>read</code> or <code>operate</code>). Open this page once with the token added to its address:</p>
<pre>${options.retry}${options.retry.includes('?') ? '&' : '?'}token=YOUR_TOKEN</pre>
<p>The token is then kept in a cookie that only this site's <code>/ui</code> pages receive, for ${options.cookieHours} hours, and removed from the address. Ask an administrator for a token.</p>
<p>Signed in already and came from a link on another site? The cookie is only sent from Sluice's own pages: <a href="${options.retry}">open this page again</a>.</p>`;
}

/** An error page that says what happened and links back to the list. */
export function messageBody(title: string, message: string): Html {
  return html`<h1>${title}</h1>
<p class="notice">${message}</p>
<p><a href="${appListPath}">All applications</a></p>`;
}
