import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SluiceError } from '../../../lib/errors.js';
import { application, get, readToken, sha, uiDeps, webStatus } from './fixtures.js';

describe('GET /ui, the app list', () => {
  it('shows each app linked, with sync and health badges in colour and in words', async () => {
    const response = await get(uiDeps(), '/ui', { token: readToken });
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
    const row = /<tr>\s*<td class="lead"><a href="\/ui\/apps\/web">web<\/a>[\s\S]*?<\/tr>/.exec(response.body)?.[0] ?? '';
    assert.match(row, /<span class="badge warn"><span class="sr">sync: <\/span><span aria-hidden="true">!<\/span> OutOfSync<\/span>/);
    assert.match(row, /<span class="badge bad"><span class="sr">health: <\/span><span aria-hidden="true">✕<\/span> Degraded<\/span>/);
    assert.match(row, new RegExp(`<code title="${sha('a')}">aaaaaaaaaaaa</code>`), 'the deployed revision, short');
    assert.match(row, /Failed<\/span> <span class="muted">webhook by alice, <time datetime="2026-03-01T11:05:00.000Z"[^>]*>55 min ago<\/time>/, 'the last operation');
    assert.match(row, /data-label="Last sync"><time datetime="2026-03-01T11:00:00.000Z" title="2026-03-01 11:00:00 UTC">1 h ago<\/time>/);
  });

  it('lists the apps GET /apps lists, in its order, an unchecked one as Unknown', async () => {
    const body = (await get(uiDeps(), '/ui', { token: readToken })).body;
    const names = [...body.matchAll(/<td class="lead"><a href="[^"]+">([^<]+)<\/a>/g)].map((match) => match[1]);
    assert.deepEqual(names, ['api', 'web']);
    const api = /<a href="\/ui\/apps\/api">api<\/a>[\s\S]*?<\/tr>/.exec(body)?.[0] ?? '';
    assert.match(api, /Unknown<\/span>[\s\S]*Unknown<\/span>/);
    assert.match(api, /data-label="Last sync"><span class="muted">never<\/span>/);
  });

  it('names the objects of the config repo that did not load, and the apps kept on their last good definition', async () => {
    const deps = uiDeps();
    deps.store.registry = { ...deps.store.registry!, errors: [{ file: 'apps/web.yaml', field: 'spec.source.plugin', message: '<not supported>' }], staleApps: ['web'] };
    const body = (await get(deps, '/ui', { token: readToken })).body;
    assert.match(body, /<strong>1 object of the config repo did not load<\/strong>; the other apps did, and web keeps its last good definition/);
    assert.match(body, /<li><code>apps\/web\.yaml: spec\.source\.plugin: &lt;not supported&gt;<\/code><\/li>/);
  });

  it('says so when no registry is loaded yet', async () => {
    const deps = uiDeps();
    deps.store.registry = undefined;
    const body = (await get(deps, '/ui', { token: readToken })).body;
    assert.match(body, /No registry is loaded yet/);
    assert.doesNotMatch(body, /<table/);
  });

  it('escapes app names and messages, and encodes names in links', async () => {
    const deps = uiDeps();
    const hostile = '<img src=x onerror=alert(1)>';
    deps.store.registry!.applications.push(application(hostile));
    deps.store.statuses.set(hostile, { ...webStatus, app: hostile, lastOperation: { ...webStatus.lastOperation!, trigger: { kind: 'manual', by: '"><script>x</script>' } } });
    const body = (await get(deps, '/ui', { token: readToken })).body;
    assert.ok(!body.includes('<img') && !body.includes('<script'), 'no markup from data');
    assert.ok(body.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(body.includes(`href="/ui/apps/${encodeURIComponent(hostile)}"`));
  });

  it('refreshes itself every 15 seconds without script', async () => {
    const body = (await get(uiDeps(), '/ui', { token: readToken })).body;
    assert.match(body, /<meta http-equiv="refresh" content="15">/);
    assert.doesNotMatch(body, /<script/i);
  });

  it('is readable on a phone: a viewport and tables that become cards', async () => {
    const body = (await get(uiDeps(), '/ui', { token: readToken })).body;
    assert.match(body, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.match(body, /<table class="cards">/);
    assert.match(body, /@media \(max-width:40rem\)/);
  });

  it('answers an unexpected failure with an HTML page that names no cause, and logs the cause', async () => {
    const deps = uiDeps();
    deps.store.getRegistry = async () => { throw new SluiceError('table sluice-prod: throttled'); };
    const response = await get(deps, '/ui', { token: readToken });
    assert.equal(response.status, 500);
    assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
    assert.doesNotMatch(response.body, /throttled/);
    assert.match(response.body, /check the status function logs/);
    assert.match(deps.logger.text(), /throttled/);
  });
});
