import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiRequest } from '../../../lib/api/index.js';
import { cookieName, uiHandlers, uiOptionsFromEnv } from '../../../lib/ui/index.js';
import { get, operateToken, readToken, uiDeps } from './fixtures.js';

const cookieOf = (token: string) => ({ cookie: `theme=dark; ${cookieName}=${encodeURIComponent(token)}` });
const publicUi = uiHandlers(() => ({ ...uiOptionsFromEnv({}), public: true }));
const uiRequest = (path: string, options: Partial<ApiRequest> = {}): ApiRequest => ({ method: 'GET', path, headers: {}, query: {}, ...options });

describe('signing in to the status pages', () => {
  it('answers a visitor without a token with an HTML page saying how to sign in', async () => {
    const response = await get(uiDeps(), '/ui');
    assert.equal(response.status, 401);
    assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(response.headers['www-authenticate'] ?? '', /^Bearer/);
    assert.match(response.body, /<h1>Sign in<\/h1>/);
    assert.match(response.body, /\/ui\?token=YOUR_TOKEN/);
    assert.doesNotMatch(response.body, /"web"|>web</, 'nothing of the apps is shown');
  });

  it('moves a token from a link into an HttpOnly, SameSite=Strict cookie for /ui and reloads without it', async () => {
    const response = await get(uiDeps(), '/ui/apps/web', { query: { token: readToken, diff: 'live' } });
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, '/ui/apps/web?diff=live');
    const cookie = response.headers['set-cookie'] ?? '';
    assert.ok(cookie.startsWith(`${cookieName}=${encodeURIComponent(readToken)};`), cookie);
    for (const attribute of ['Path=/ui', 'HttpOnly', 'SameSite=Strict', 'Max-Age=43200']) assert.ok(cookie.split('; ').includes(attribute), `${attribute} in ${cookie}`);
    assert.ok(!cookie.includes('Secure'), 'a local http stack cannot keep a Secure cookie');
    assert.equal(response.headers['referrer-policy'], 'no-referrer', 'the address with the token is never sent on');
    assert.equal(response.body, '');
  });

  it('marks the cookie Secure when the request came over HTTPS', async () => {
    const response = await get(uiDeps(), '/ui', { query: { token: readToken }, headers: { 'X-Forwarded-Proto': 'https' } });
    assert.ok((response.headers['set-cookie'] ?? '').split('; ').includes('Secure'));
  });

  it('redirects only to its own path, whatever the request path looked like', async () => {
    const response = await get(uiDeps(), '//ui/', { query: { token: readToken } });
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, '/ui');
  });

  it('shows the pages to the cookie, for a read or an operate token', async () => {
    for (const token of [readToken, operateToken]) {
      const response = await get(uiDeps(), '/ui', { headers: cookieOf(token) });
      assert.equal(response.status, 200, token);
      assert.match(response.body, /href="\/ui\/apps\/web"/);
    }
  });

  it('accepts the cookie on /ui pages only, not on the JSON API', async () => {
    const response = await get(uiDeps(), '/apps', { headers: cookieOf(readToken) });
    assert.equal(response.status, 401);
    assert.equal(response.headers['content-type'], 'application/json');
  });

  it('accepts an Authorization bearer token too, for tools', async () => {
    assert.equal((await get(uiDeps(), '/ui/apps/web', { token: readToken })).status, 200);
  });

  it('refuses an unknown token from a link without echoing it', async () => {
    const guess = 'sluice_not-a-real-token-<b>';
    const response = await get(uiDeps(), '/ui', { query: { token: guess } });
    assert.equal(response.status, 401);
    assert.match(response.body, /the token in the link is not known/);
    assert.ok(!response.body.includes('not-a-real-token') && !JSON.stringify(response.headers).includes('not-a-real-token'));
    assert.equal(response.headers['set-cookie'], undefined);
  });

  it('clears a cookie whose token was revoked and asks to sign in again', async () => {
    const deps = uiDeps();
    deps.store.tokens.clear();
    const response = await get(deps, '/ui', { headers: cookieOf(readToken) });
    assert.equal(response.status, 401);
    assert.match(response.body, /no longer valid/);
    assert.match(response.headers['set-cookie'] ?? '', new RegExp(`^${cookieName}=; Path=/ui; Max-Age=0`));
  });

  it('never puts the token into a page or a log line', async () => {
    const deps = uiDeps();
    await get(deps, '/ui', { query: { token: readToken } });
    const page = await get(deps, '/ui/apps/web', { headers: cookieOf(readToken), query: { diff: 'live' } });
    assert.equal(page.status, 200);
    assert.ok(!page.body.includes(readToken));
    assert.ok(!deps.logger.text().includes(readToken));
  });

  it('links the sign-in page back to the same page, for a cookie not sent from another site', async () => {
    const response = await get(uiDeps(), '/ui/apps/web');
    assert.match(response.body, /<a href="\/ui\/apps\/web">open this page again<\/a>/);
  });
});

describe('a public status page (SLUICE_UI_PUBLIC=true)', () => {
  it('is read from the environment, off unless exactly true', () => {
    assert.equal(uiOptionsFromEnv({ SLUICE_UI_PUBLIC: 'true' }).public, true);
    assert.equal(uiOptionsFromEnv({ SLUICE_UI_PUBLIC: ' TRUE ' }).public, true);
    assert.equal(uiOptionsFromEnv({ SLUICE_UI_PUBLIC: '1' }).public, false);
    assert.equal(uiOptionsFromEnv({}).public, false);
  });

  it('shows the pages without a token', async () => {
    const deps = uiDeps();
    const list = await publicUi.appList({ request: uiRequest('/ui'), params: {}, deps });
    assert.equal(list.status, 200);
    assert.match(list.body, /href="\/ui\/apps\/web"/);
    const app = await publicUi.app({ request: uiRequest('/ui/apps/web'), params: { name: 'web' }, deps });
    assert.equal(app.status, 200);
    assert.match(app.body, /Sign in with a read token to see the live diff/);
  });

  it('computes no live diff for an anonymous reader: it is costly', async () => {
    const deps = uiDeps();
    const app = await publicUi.app({ request: uiRequest('/ui/apps/web', { query: { diff: 'live' } }), params: { name: 'web' }, deps });
    assert.equal(app.status, 200);
    assert.deepEqual(deps.diffCalls, []);
    assert.doesNotMatch(app.body, /Live diff/);
  });

  it('still computes it for a signed-in reader', async () => {
    const deps = uiDeps();
    const app = await publicUi.app({ request: uiRequest('/ui/apps/web', { query: { diff: 'live' }, headers: cookieOf(readToken) }), params: { name: 'web' }, deps });
    assert.equal(deps.diffCalls.length, 1);
    assert.match(app.body, /Live diff/);
  });

  it('drops a revoked cookie instead of refusing the page', async () => {
    const deps = uiDeps();
    deps.store.tokens.clear();
    const list = await publicUi.appList({ request: uiRequest('/ui', { headers: cookieOf(readToken) }), params: {}, deps });
    assert.equal(list.status, 200);
    assert.match(list.headers['set-cookie'] ?? '', /Max-Age=0/);
  });
});
