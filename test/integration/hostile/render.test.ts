import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ApplicationSource, HelmSource } from '../../../lib/model/index.js';
import { render, RenderError, type RenderOptions } from '../../../lib/render/index.js';
import { fetchRevision } from '../../../lib/source/index.js';
import { createRepo } from '../../harness/git.js';
import { stack } from '../../harness/stack.js';
import { tools } from '../render/fixture-repo.js';

const chart = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
  'chart/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  v: {{ .Values.v | default "x" | quote }}\n',
};

const source = (path: string, extra: Partial<ApplicationSource> = {}): ApplicationSource =>
  ({ repoURL: 'https://git.example.com/tenant/apps', targetRevision: 'HEAD', path, ...extra });

const helm = (overrides: Partial<HelmSource>): Partial<ApplicationSource> => ({ helm: { valueFiles: [], parameters: [], ...overrides } });

async function refusal(options: RenderOptions): Promise<string> {
  try {
    await render({ tools, ...options });
  } catch (error) {
    assert.ok(error instanceof RenderError, String(error));
    assert.equal(error.transient, false, 'a hostile spec fails the same way every time: not worth a retry');
    return error.message;
  }
  return assert.fail('the render went through');
}

/** A server that records every request made to it, standing in for an internal service or a metadata endpoint. */
function trap(): Promise<{ server: Server; url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('apiVersion: v1\nkind: Secret\nmetadata:\n  name: stolen\n');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, hits, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe('a hostile tenant\'s spec and repository, rendered', () => {
  const cacheDir = mkdtempSync(join(stack.runDir, 'hostile-cache-'));
  let attacker: string;
  let victim: string;
  /** Where the attacker's overlay climbs to: the victim's checkout, beside its own in the cache. */
  let climb: string;
  let server: Awaited<ReturnType<typeof trap>>;

  before(async () => {
    server = await trap();
    const victimRepo = createRepo({ 'victim/kustomization.yaml': 'resources: [secret.yaml]\n', 'victim/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: victim-db\nstringData:\n  password: hunter2\n' }, 'hostile-victim');
    victim = (await fetchRevision(victimRepo.url, victimRepo.head(), { cacheDir })).dir;
    climb = `../../../${relative(cacheDir, victim)}/victim`;
    const attackerRepo = createRepo({
      ...chart,
      'chart/pr.sh': `#!/bin/sh\ntouch ${join(stack.runDir, 'post-renderer-ran')}\ncat\n`,
      'steal/kustomization.yaml': `resources:\n  - ${climb}\n`,
      'ssrf/kustomization.yaml': `resources:\n  - ${server.url}/latest/meta-data/iam/security-credentials/role\n`,
    }, 'hostile-attacker');
    attacker = (await fetchRevision(attackerRepo.url, attackerRepo.head(), { cacheDir })).dir;
  });
  after(() => server.server.close());

  it('never runs a script named by helm.releaseName, in the worker or the status function', async () => {
    for (const releaseName of ['--post-renderer=./pr.sh', '--post-renderer', '--set-file=v=/etc/passwd']) {
      const message = await refusal({ checkoutDir: attacker, appName: 'web', source: source('chart', helm({ releaseName })) });
      assert.match(message, /^spec\.source\.helm\.releaseName ".*": not a valid Helm release name/);
    }
    assert.ok(!existsSync(join(stack.runDir, 'post-renderer-ran')));
  });

  it('never lets an app name become a helm flag either', async () => {
    assert.match(await refusal({ checkoutDir: attacker, appName: '--dry-run=server', source: source('chart') }), /the Helm release name \(the app name.*not a valid Helm release name/);
  });

  it('renders the chart itself, parameters and all, when the spec is sound', async () => {
    const { manifests } = await render({ tools, checkoutDir: attacker, appName: 'web', source: source('chart', helm({ parameters: [{ name: 'v', value: 'a,b' }] })) });
    assert.deepEqual(manifests.map((m) => [m.object.kind, (m.object as unknown as { data: { v: string } }).data.v]), [['ConfigMap', 'a,b']]);
  });

  it('refuses a kustomization that reaches into another app\'s checkout in the shared cache', async () => {
    assert.equal(join(attacker, 'steal', climb), join(victim, 'victim'), 'the checkouts sit where the attack expects them');
    const message = await refusal({ checkoutDir: attacker, appName: 'steal', source: source('steal') });
    assert.match(message, /^steal\/kustomization\.yaml: resources\[0\] ".*victim" leaves the repository; use a path inside it$/);
    assert.ok(!message.includes('hunter2'));
  });

  it('fetches no URL the AppProject did not allow, and no loopback or metadata address even when it did', async () => {
    const cases: Array<[Partial<RenderOptions>, RegExp]> = [
      [{}, /not given the app's AppProject/],
      [{ sourceRepos: ['https://github.com/acme/*'] }, /the AppProject's sourceRepos does not permit this URL/],
      [{ sourceRepos: ['*'], allowLoopbackUrls: false }, /resolves to 127\.0\.0\.1, a loopback address/],
    ];
    for (const [options, expected] of cases) {
      const message = await refusal({ checkoutDir: attacker, appName: 'ssrf', source: source('ssrf'), ...options });
      assert.match(message, /^ssrf\/kustomization\.yaml: resources\[0\] "http:\/\/127\.0\.0\.1:\d+\/latest\/meta-data\/iam\/security-credentials\/role": /);
      assert.match(message, expected);
    }
    const metadata = await refusal({ checkoutDir: attacker, appName: 'web', sourceRepos: ['*'], allowLoopbackUrls: true,
      source: source('chart', helm({ valueFiles: ['http://169.254.169.254/latest/user-data'] })) });
    assert.match(metadata, /link-local, unspecified or cloud metadata address/);
    assert.deepEqual(server.hits, []);
  });

  it('renders the checkout without writing to it: tools run on a private copy', async () => {
    const before = statSync(join(attacker, 'chart')).mtimeMs;
    await render({ tools, checkoutDir: attacker, appName: 'web', source: source('chart', helm({ values: 'v: inline\n' })) });
    assert.equal(statSync(join(attacker, 'chart')).mtimeMs, before);
  });
});
