import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SluiceError } from '../../../lib/errors.js';
import { application, get, historyRecord, readToken, sha, uiDeps } from './fixtures.js';

const appPage = async (deps = uiDeps(), query: Record<string, string> = {}) => get(deps, '/ui/apps/web', { token: readToken, query });
const section = (body: string, heading: string) => new RegExp(`<h2[^>]*>${heading}[\\s\\S]*?(?=<h2|</main>)`).exec(body)?.[0] ?? '';

describe('GET /ui/apps/{name}, one app', () => {
  it('shows the deployed commit in full and short, with the source and destination', async () => {
    const body = (await appPage()).body;
    assert.match(body, /<h1>web<\/h1>/);
    assert.match(body, new RegExp(`<dt>Deployed commit</dt><dd><code class="sha">${sha('a')}</code> <span class="muted">\\(<code>aaaaaaaaaaaa</code>\\)</span>`));
    assert.match(body, /<dt>Source repo<\/dt><dd><code>https:\/\/github.com\/acme\/apps.git<\/code>/);
    assert.match(body, /<dt>Path<\/dt><dd><code>apps\/web<\/code>/);
    assert.match(body, /<dt>Target revision<\/dt><dd><code>main<\/code>/);
    assert.match(body, /<dt>Destination<\/dt><dd>in-cluster, namespace <code>web<\/code>/);
    assert.match(body, /<dt>Last operation<\/dt><dd><span class="badge bad">[\s\S]*Failed[\s\S]*<br>Deployment\/web\/web: progress deadline exceeded<\/dd>/);
  });

  it('says above all else that a rollback pinned the app, and shows its conditions', async () => {
    const deps = uiDeps();
    const status = deps.store.statuses.get('web')!;
    deps.store.statuses.set('web', {
      ...status, pin: { revision: sha('b'), by: 'alice', at: '2026-03-01T12:00:00.000Z' },
      conditions: [{ type: 'SyncError', message: 'Deployment/web/web: <field is immutable>', lastTransitionTime: '2026-03-01T12:01:00.000Z' }],
    });
    const body = (await appPage(deps)).body;
    assert.match(body, /<strong>Pinned<\/strong> to bbbbbbbbbbbb by a rollback \(alice\)/);
    assert.match(body, /<strong>SyncError<\/strong> Deployment\/web\/web: &lt;field is immutable&gt;/);
  });

  it('never shows credentials of the source repo', async () => {
    const deps = uiDeps();
    deps.store.registry!.applications[0] = application('web', { source: { repoURL: 'https://deploy:s3cret-pat@github.com/acme/apps.git', targetRevision: 'main', path: 'apps/web' } });
    const body = (await appPage(deps)).body;
    assert.doesNotMatch(body, /s3cret-pat|deploy:/);
    assert.match(body, /https:\/\/github.com\/acme\/apps.git/);
  });

  it('lists each object with kind, namespace, name, action, health and message', async () => {
    const resources = section((await appPage()).body, 'Resources');
    const rows = [...resources.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((match) => [...(match[1] ?? '').matchAll(/<td data-label="([^"]+)">([\s\S]*?)<\/td>/g)].map((cell) => `${cell[1]}=${(cell[2] ?? '').replace(/<[^>]+>/g, '').trim()}`));
    assert.deepEqual(rows.filter((row) => row.length), [
      ['Kind=Deployment', 'Namespace=web', 'Name=web', 'Action=✓ configured', 'Health=health: ✕ Degraded progress deadline exceeded', 'Message=configured'],
      ['Kind=Namespace', 'Namespace=(cluster)', 'Name=web', 'Action=? unchanged', 'Health=n/a', 'Message='],
    ]);
  });

  it('shows the history newest first, with time, revision, phase, trigger and counts', async () => {
    const history = section((await appPage()).body, 'History');
    const times = [...history.matchAll(/<td data-label="Time"><span><time datetime="([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(times, ['2026-03-01T10:03:00.000Z', '2026-03-01T10:02:00.000Z', '2026-03-01T10:01:00.000Z']);
    assert.match(history, new RegExp(`<td data-label="Revision"><code title="${sha('3')}">333333333333</code></td>`));
    assert.match(history, /<td data-label="Phase"><span class="badge ok">[\s\S]*?Succeeded<\/span><\/td>/);
    assert.match(history, /<td data-label="Trigger">manual by alice<\/td>/);
    assert.match(history, /<td data-label="Objects"><span>2 created, 1 configured<\/span><\/td>/);
  });

  it('counts warnings of a history entry', async () => {
    const deps = uiDeps();
    deps.store.history.set('web', [historyRecord(4, { warningCount: 2 })]);
    assert.match(section((await appPage(deps)).body, 'History'), /2 warnings/);
  });

  it('shows the last recorded diff and offers the live one without computing it', async () => {
    const deps = uiDeps();
    const body = (await appPage(deps)).body;
    const diff = section(body, 'Last diff');
    assert.match(diff, /1 to create <span class="muted">\(1 created, 3 unchanged\)<\/span>/);
    assert.match(diff, /<a href="\/ui\/apps\/web\?diff=live">Compute the live diff<\/a>/);
    assert.deepEqual(deps.diffCalls, []);
    assert.match(body, /<meta http-equiv="refresh" content="15">/);
  });

  it('shows the live diff when asked, and then does not reload itself', async () => {
    const deps = uiDeps();
    const body = (await appPage(deps, { diff: 'live' })).body;
    assert.deepEqual(deps.diffCalls, [{ app: 'web' }]);
    const live = section(body, 'Live diff');
    assert.match(live, /At <code title="c{40}">cccccccccccc<\/code>/);
    assert.match(live, /<h3>Deployment web\/web <span class="badge warn">/);
    assert.match(live, /<pre>-  replicas: 1\n\+  replicas: 2\n<\/pre>/);
    assert.doesNotMatch(live, /creds/, 'unchanged objects (here a Secret) are left out');
    assert.doesNotMatch(body, /http-equiv="refresh"/);
  });

  it('escapes diff text', async () => {
    const deps = uiDeps();
    deps.diff = async () => ({
      revision: sha('c'), status: 'OutOfSync', health: 'Healthy', summary: { created: 1, configured: 0, unchanged: 0, pruned: 0 }, warnings: [], errors: [],
      resources: [{ ref: { group: '', kind: 'ConfigMap', namespace: 'web', name: 'x' }, action: 'created', diff: '+  html: "</pre><script>alert(1)</script>"\n', changedPaths: [], apiVersion: 'v1', phase: 'Sync', wave: 0, hook: false, dryRun: true }],
    });
    const body = (await appPage(deps, { diff: 'live' })).body;
    assert.doesNotMatch(body, /<script/);
    assert.match(body, /&lt;\/pre&gt;&lt;script&gt;/);
  });

  it('explains a live diff that failed, on the page', async () => {
    const deps = uiDeps();
    deps.diff = async () => { throw new SluiceError('repo https://github.com/acme/apps.git: not reachable'); };
    const response = await appPage(deps, { diff: 'live' });
    assert.equal(response.status, 200);
    assert.match(section(response.body, 'Live diff'), /<p class="notice">app web: the diff could not be computed: repo https:\/\/github.com\/acme\/apps.git: not reachable<\/p>/);
  });

  it('answers an unknown app with a 404 page, its name escaped', async () => {
    const response = await get(uiDeps(), `/ui/apps/${encodeURIComponent('<b>nope</b>')}`, { token: readToken });
    assert.equal(response.status, 404);
    assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(response.body, /app &lt;b&gt;nope&lt;\/b&gt; does not exist/);
    assert.match(response.body, /<a href="\/ui">All applications<\/a>/);
  });

  it('shows an app nothing has checked yet without inventing facts', async () => {
    const body = (await get(uiDeps(), '/ui/apps/api', { token: readToken })).body;
    assert.match(body, /<dt>Deployed commit<\/dt><dd><span class="muted">none yet<\/span>/);
    assert.match(body, /No objects recorded yet/);
    assert.match(body, /No operation recorded yet/);
    assert.match(body, /No diff recorded yet/);
  });
});
