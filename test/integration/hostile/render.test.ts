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

/** One overlay per kustomization field that names a file or directory, each pointing out of the repository. */
const escapes: Record<string, string> = {
  'resources': 'resources: [../../../../etc]',
  'components': 'components: [../../../../etc]',
  'crds': 'crds: [../../../../etc/passwd]',
  'configurations': 'configurations: [/etc/passwd]',
  'patches': 'patches:\n  - path: ../../../../etc/passwd',
  'patchesStrategicMerge': 'patchesStrategicMerge: [../../../../etc/passwd]',
  'patchesJson6902': 'patchesJson6902:\n  - path: /etc/passwd\n    target: {kind: ConfigMap, name: x}',
  'replacements': 'replacements:\n  - path: ../../../../etc/passwd',
  'configMapGenerator': 'configMapGenerator:\n  - name: c\n    files: [passwd=../../../../etc/passwd]',
  'secretGenerator': 'secretGenerator:\n  - name: s\n    envs: [/proc/self/environ]',
  'openapi': 'openapi:\n  path: /etc/passwd',
  'helmCharts': 'helmCharts:\n  - name: x\n    valuesFile: ../../../../etc/passwd',
  'helmGlobals': 'helmGlobals:\n  chartHome: /etc',
  'transformers': 'transformers: [../../../../etc/passwd]',
  'generators': 'generators: [/etc/passwd]',
  'validators': 'validators: [../../../../etc/passwd]',
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

/** The classic "billion laughs": nine levels, each aliasing the one before ten times. */
const aliasBomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');

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
  let sharedBase: string;
  let server: Awaited<ReturnType<typeof trap>>;

  before(async () => {
    server = await trap();
    const victimRepo = createRepo({ 'victim/kustomization.yaml': 'resources: [secret.yaml]\n', 'victim/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: victim-db\nstringData:\n  password: hunter2\n' }, 'hostile-victim');
    victim = (await fetchRevision(victimRepo.url, victimRepo.head(), { cacheDir })).dir;
    climb = `../../../${relative(cacheDir, victim)}/victim`;
    const shared = createRepo({ 'base/kustomization.yaml': 'resources: [cm.yaml]\n', 'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n' }, 'hostile-shared-base');
    sharedBase = `${shared.url}//base?ref=main`;
    const attackerRepo = createRepo({
      ...chart,
      'chart/pr.sh': `#!/bin/sh\ntouch ${join(stack.runDir, 'post-renderer-ran')}\ncat\n`,
      'steal/kustomization.yaml': `resources:\n  - ${climb}\n`,
      'ssrf/kustomization.yaml': `resources:\n  - ${server.url}/latest/meta-data/iam/security-credentials/role\n`,
      ...Object.fromEntries(Object.entries(escapes).map(([field, yaml]) => [`escape/${field}/kustomization.yaml`, `${yaml}\n`])),
      'remote/kustomization.yaml': `resources:\n  - ${sharedBase}\n`,
      'bomb/cm.yaml': `${aliasBomb}`,
      'utf8/cm.yaml': Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: latin1\ndata:\n  v: caf'), Buffer.from([0xe9, 0x0a])]),
      'many/cms.yaml': Array.from({ length: 5001 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`).join('---\n'),
      'huge/cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n  v: "${'x'.repeat(3 * 1024 * 1024)}"\n`,
      'deep/cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  v: ${'['.repeat(200)}${']'.repeat(200)}\n`,
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

  it('refuses a path out of the repository through every kustomization field, before kustomize runs', async () => {
    for (const field of Object.keys(escapes)) {
      const message = await refusal({ checkoutDir: attacker, appName: 'escape', source: source(`escape/${field}`) });
      assert.match(message, new RegExp(`^escape/${field}/kustomization\\.yaml: ${field}`), `${field}: ${message}`);
      assert.match(message, /leaves the repository|an absolute path/, field);
    }
  });

  it('refuses what would exhaust the worker, each naming its limit and setting', async () => {
    const cases: Array<[string, RegExp]> = [
      ['bomb', /^bomb\/cm\.yaml:1: the document expands YAML aliases .*\(maxAliasCount\).*SLUICE_RENDER_MAX_ALIAS_COUNT/],
      ['utf8', /^utf8\/cm\.yaml:\d+: not valid UTF-8/],
      ['many', /^many\/cms\.yaml: the render produces 5001 objects so far, over the limit of 5000 objects \(maxObjects\)/],
      ['huge', /^huge\/cm\.yaml:1: one YAML document is 3 MiB, over the limit of 2 MiB \(maxObjectBytes\)/],
      ['deep', /^deep\/cm\.yaml.*\(maxDepth\)/],
    ];
    for (const [path, expected] of cases) assert.match(await refusal({ checkoutDir: attacker, appName: path, source: source(path) }), expected, path);
  });

  it('fetches no URL the AppProject did not allow, and no loopback or metadata address even when it did', async () => {
    const cases: Array<[Partial<RenderOptions>, RegExp]> = [
      [{ sourceRepos: ['*'] }, /remote Kustomize references are off, .*SLUICE_KUSTOMIZE_REMOTE_REFS=true/],
      [{ kustomizeRemoteRefs: true }, /not given the app's AppProject/],
      [{ kustomizeRemoteRefs: true, sourceRepos: ['https://github.com/acme/*'] }, /the AppProject's sourceRepos does not permit this URL/],
      [{ kustomizeRemoteRefs: true, sourceRepos: ['*'], allowLoopbackUrls: false }, /resolves to 127\.0\.0\.1, a loopback address/],
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

  it('renders a remote base the AppProject allows when remote references are on, fetched through the egress proxy', async () => {
    const { manifests } = await render({
      tools, checkoutDir: attacker, appName: 'remote', source: source('remote'),
      kustomizeRemoteRefs: true, allowLoopbackUrls: true, sourceRepos: [`${stack.git.url}/hostile-shared-base-*`],
    });
    assert.deepEqual(manifests.map((m) => m.object.metadata?.name), ['shared']);
  });

  it('renders the checkout without writing to it: tools run on a private copy', async () => {
    const before = statSync(join(attacker, 'chart')).mtimeMs;
    await render({ tools, checkoutDir: attacker, appName: 'web', source: source('chart', helm({ values: 'v: inline\n' })) });
    assert.equal(statSync(join(attacker, 'chart')).mtimeMs, before);
  });
});
