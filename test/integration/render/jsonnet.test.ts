import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ApplicationSource, JsonnetSource } from '../../../lib/model/types.js';
import { render, RenderError } from '../../../lib/render/index.js';
import type { Checkout } from '../../../lib/source/index.js';
import { fetchedCheckout, tools } from './fixture-repo.js';

const cm = (name: string, data: string) => `{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ${name} }, data: ${data} }`;

function jsonnetSource(path: string, jsonnet?: Partial<JsonnetSource>, recurse = false): ApplicationSource {
  return {
    repoURL: 'https://git.example.com/acme/apps', targetRevision: 'HEAD', path,
    directory: { recurse, ...(jsonnet ? { jsonnet: { extVars: [], tlas: [], libs: [], ...jsonnet } } : {}) },
  };
}

async function renderError(checkout: Checkout, source: ApplicationSource): Promise<string> {
  try {
    await render({ checkoutDir: checkout.dir, source, appName: 'demo', tools });
  } catch (error) {
    assert.ok(error instanceof RenderError, String(error));
    return error.message;
  }
  return assert.fail('expected a RenderError');
}

describe('Jsonnet directory apps rendered by sluice-jsonnet', () => {
  let checkout: Checkout;
  before(async () => {
    checkout = await fetchedCheckout({
      'jsonnet-lib/k.libsonnet': `{ cm(name, data):: ${cm('name', 'data')} }`,
      'shared/common.libsonnet': `{ team: 'payments' }`,
      'apps/web/main.jsonnet': [
        "local k = import 'k.libsonnet';",
        "local common = import '../../shared/common.libsonnet';",
        'function(env, replicas, config={})',
        "  [k.cm('web-' + env, { region: std.extVar('region'), replicas: std.toString(replicas), team: common.team, app: std.extVar('app') }),",
        "   k.cm('web-config', { size: std.toString(std.length(config)) })]",
      ].join('\n'),
      'apps/web/helpers.libsonnet': 'error "a .libsonnet file is never evaluated on its own"',
      'apps/list/list.jsonnet': `{ apiVersion: 'v1', kind: 'List', items: [${cm("'a'", '{}')}, ${cm("'b'", '{}')}] }`,
      'apps/list/object.jsonnet': cm("'single'", '{ n: std.toString(1 + 1) }'),
      'apps/list/plain.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\n',
      'apps/abs/main.jsonnet': "importstr '/etc/passwd'",
      'apps/up/main.jsonnet': "importstr '../../../../../../../../etc/passwd'",
      'apps/native/main.jsonnet': "std.native('exec')('id')",
      'apps/broken/main.jsonnet': '{ a: }',
      'apps/huge/main.jsonnet': `[${cm("'x' + i", '{}')} for i in std.range(1, 50)]`,
    }, 'render-jsonnet');
  });

  it('evaluates a file with string and code TLAs, ext vars, a library path and an import elsewhere in the repository', async () => {
    const result = await render({
      checkoutDir: checkout.dir, appName: 'web', tools, source: jsonnetSource('apps/web', {
        tlas: [{ name: 'env', value: 'prod', code: false }, { name: 'replicas', value: '2 + 1', code: true }, { name: 'config', value: '{ a: 1, b: 2 }', code: true }],
        extVars: [{ name: 'region', value: 'eu-west-1', code: false }, { name: 'app', value: '$ARGOCD_APP_NAME', code: false }],
        libs: ['jsonnet-lib'],
      }),
    });
    assert.equal(result.tool, 'directory');
    assert.deepEqual(result.manifests.map((m) => [m.object.metadata.name, m.object.data, m.source.file]), [
      ['web-prod', { region: 'eu-west-1', replicas: '3', team: 'payments', app: 'web' }, 'apps/web/main.jsonnet'],
      ['web-config', { size: '2' }, 'apps/web/main.jsonnet'],
    ]);
    assert.deepEqual(result.inputs, ['apps/web', 'jsonnet-lib/k.libsonnet', 'shared/common.libsonnet']);
  });

  it('reads a Kubernetes List and a single object, beside plain YAML, in file order', async () => {
    const { manifests } = await render({ checkoutDir: checkout.dir, appName: 'demo', tools, source: jsonnetSource('apps/list') });
    assert.deepEqual(manifests.map((m) => m.object.metadata.name), ['a', 'b', 'single', 'from-yaml']);
    assert.deepEqual(manifests.find((m) => m.object.metadata.name === 'single')?.object.data, { n: '2' });
  });

  it('fails clearly when a TLA the file needs is missing, naming the file', async () => {
    const message = await renderError(checkout, jsonnetSource('apps/web', { libs: ['jsonnet-lib'] }));
    assert.match(message, /^apps\/web\/main\.jsonnet: jsonnet failed: .*(env|region)/s);
    assert.ok(!message.includes(checkout.dir) && !message.includes('/tmp/'), message);
  });

  it('refuses imports of absolute paths and paths out of the repository, and has no native functions', async () => {
    assert.match(await renderError(checkout, jsonnetSource('apps/abs')), /^apps\/abs\/main\.jsonnet: jsonnet failed: .*"\/etc\/passwd" is an absolute path/s);
    assert.match(await renderError(checkout, jsonnetSource('apps/up')), /^apps\/up\/main\.jsonnet: jsonnet failed: .*leaves the repository/s);
    const native = await renderError(checkout, jsonnetSource('apps/native'));
    assert.match(native, /^apps\/native\/main\.jsonnet: jsonnet failed: /);
    assert.ok(!/root:|uid=/.test(native), native);
  });

  it('takes flag-like names and values as data only', async () => {
    const message = await renderError(checkout, jsonnetSource('apps/web', {
      tlas: [{ name: 'env', value: '--help', code: false }, { name: 'replicas', value: '1', code: true }],
      extVars: [{ name: '-J/etc', value: '--ext-str', code: false }], libs: ['jsonnet-lib'],
    }));
    // The file still runs; only its ext vars are missing: no flag was parsed out of the spec.
    assert.match(message, /^apps\/web\/main\.jsonnet: jsonnet failed: RUNTIME ERROR: Undefined external variable: (app|region)/);
  });

  it('reports a syntax error with its place in the file', async () => {
    assert.match(await renderError(checkout, jsonnetSource('apps/broken')), /^apps\/broken\/main\.jsonnet: jsonnet failed: .*main\.jsonnet:1/s);
  });

  it('bounds the objects a Jsonnet file makes with the render limits', async () => {
    await assert.rejects(render({ checkoutDir: checkout.dir, appName: 'demo', tools, source: jsonnetSource('apps/huge'), limits: { maxObjects: 10 } }),
      /maxObjects/);
  });
});
