import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startLocalPipeline, type LocalPipeline } from '../../../infra/local/pipeline.js';
import { buildWorkerDeps, runtimeConfigFromEnv } from '../../../lib/runtime/index.js';
import { hashApiToken } from '../../../lib/store/index.js';
import { createRepo, type TestRepo } from '../../harness/git.js';
import { githubDelivery, pushPayload } from '../../harness/github.js';
import { kubeRequest } from '../../harness/kube.js';
import { stack } from '../../harness/stack.js';
import { waitFor } from '../../harness/wait.js';
import { argoApplication, configMapYaml, deploymentYaml } from '../../harness/manifests.js';
import { dumpDom, ensureChromium, screenshot } from './chromium.js';

const suffix = randomBytes(3).toString('hex');
const appName = `ui-${suffix}`;
const ns = `ui-${suffix}`;
const token = `sluice_${randomBytes(24).toString('base64url')}`;

const configMap = configMapYaml('greeting', { greeting: 'hello from the status page test' });
const deployment = deploymentYaml('web');
const application = (appRepo: TestRepo) => argoApplication(appName, appRepo, 'app', ns,
  '  syncPolicy:\n    automated: { prune: true }\n    syncOptions: [CreateNamespace=true]\n', { name: 'local' });

interface AppView { sync: string; health: string; revision: string | null }

describe('the status pages in a real browser, on the local pipeline', () => {
  let chromium: string;
  let pipeline: LocalPipeline;
  let appRepo: TestRepo;
  const shots = join(stack.runDir, 'ui-screenshots');
  const signedIn = (path: string) => `${pipeline.url}${path}?token=${encodeURIComponent(token)}`;

  before(async () => {
    chromium = await ensureChromium();
    appRepo = createRepo({ 'app/greeting.yaml': configMap, 'app/web.yaml': deployment }, 'ui-app');
    const configRepo = createRepo({ 'apps/app.yaml': application(appRepo) }, 'ui-config');
    pipeline = await startLocalPipeline(stack, { configRepoURL: configRepo.url });
    const { store } = buildWorkerDeps(runtimeConfigFromEnv());
    await store.putApiToken({ id: 'ui-test', name: 'ui-test', role: 'read', hash: hashApiToken(token) });
    const delivery = githubDelivery('push', pushPayload(configRepo.url, { after: configRepo.head() }), pipeline.webhookSecret);
    const pushed = await fetch(`${pipeline.url}/webhooks/github`, { method: 'POST', headers: delivery.headers, body: delivery.body });
    assert.equal(pushed.status, 202);
    await waitFor(`${appName} to be Synced and Healthy at the app repo head`, async () => {
      const res = await fetch(`${pipeline.url}/apps/${appName}`, { headers: { authorization: `Bearer ${token}` } });
      const view = res.status === 200 ? await res.json() as AppView : undefined;
      return view?.sync === 'Synced' && view.health === 'Healthy' && view.revision === appRepo.head() ? view : undefined;
    }, 120_000, 250);
    mkdirSync(shots, { recursive: true });
  });

  after(async () => {
    await pipeline?.stop();
    await kubeRequest('DELETE', `/api/v1/namespaces/${ns}`);
  });

  it('lists the synced app with Synced and Healthy badges, after signing in from a token link', async () => {
    const dom = await dumpDom(chromium, signedIn('/ui'));
    const row = new RegExp(`<tr>\\s*<td class="lead"><a href="/ui/apps/${appName}">${appName}</a></td>[\\s\\S]*?</tr>`).exec(dom)?.[0];
    assert.ok(row, `no row for ${appName} in:\n${dom.slice(0, 2000)}`);
    assert.match(row, /<span class="badge ok"><span class="sr">sync: <\/span><span aria-hidden="true">✓<\/span> Synced<\/span>/);
    assert.match(row, /<span class="badge ok"><span class="sr">health: <\/span><span aria-hidden="true">✓<\/span> Healthy<\/span>/);
    assert.match(row, new RegExp(`<code title="${appRepo.head()}">${appRepo.head().slice(0, 12)}</code>`));
    assert.ok(!dom.includes(token), 'the token is not in the page');
  });

  it("shows the app's deployed commit sha on its page", async () => {
    const dom = await dumpDom(chromium, signedIn(`/ui/apps/${appName}`));
    const sha = appRepo.head();
    assert.match(dom, new RegExp(`<dt>Deployed commit</dt><dd><code class="sha">${sha}</code> <span class="muted">\\(<code>${sha.slice(0, 12)}</code>\\)</span>`));
    assert.match(dom, /<td data-label="Kind">Deployment<\/td>/);
    assert.match(dom, /<td data-label="Kind">ConfigMap<\/td>/);
    assert.match(dom, new RegExp(`<td data-label="Revision"><code title="${sha}">${sha.slice(0, 12)}</code></td>\\s*<td data-label="Phase"><span class="badge ok">`), 'the sync is in the history');
  });

  it('asks a browser without a token to sign in', async () => {
    const dom = await dumpDom(chromium, `${pipeline.url}/ui`);
    assert.match(dom, /<h1>Sign in<\/h1>/);
    assert.doesNotMatch(dom, new RegExp(appName));
  });

  it('renders a phone-size screenshot of the list and of the app page', async () => {
    for (const [name, path] of [['ui-list-phone.png', '/ui'], ['ui-app-phone.png', `/ui/apps/${appName}`]] as const) {
      const file = join(shots, name);
      await screenshot(chromium, signedIn(path), file, { width: 390, height: 844 });
      const png = readFileSync(file);
      assert.ok(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `${file} is a PNG`);
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [390, 844], `${file} is 390×844`);
      assert.ok(png.length > 10_000, `${file} has content (${png.length} bytes)`);
      console.log(`screenshot: ${file}`);
    }
  });
});
