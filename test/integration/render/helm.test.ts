import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import type { ApplicationSource, HelmSource } from '../../../lib/model/types.js';
import { render, RenderError, type Manifest } from '../../../lib/render/index.js';
import type { Checkout } from '../../../lib/source/index.js';
import { fetchedCheckout, fixtureFiles, tools } from './fixture-repo.js';

function helmSource(path: string, helm: Partial<HelmSource> = {}): ApplicationSource {
  return { repoURL: 'https://git.example.com/acme/charts', targetRevision: 'HEAD', path, helm: { valueFiles: [], parameters: [], ...helm } };
}

const valuesConfigMap = (manifests: Manifest[]) => manifests.find((m) => m.object.kind === 'ConfigMap')?.object as unknown as { metadata: { name: string; namespace?: string }; data: Record<string, string> };

async function renderError(checkout: Checkout, source: ApplicationSource): Promise<string> {
  try {
    await render({ checkoutDir: checkout.dir, source, appName: 'demo', namespace: 'apps', tools });
  } catch (error) {
    assert.ok(error instanceof RenderError, String(error));
    return error.message;
  }
  assert.fail('expected a RenderError');
}

describe('helm rendering of a fetched chart', () => {
  let checkout: Checkout;
  before(async () => {
    checkout = await fetchedCheckout({
      ...fixtureFiles('render/layered', 'charts/layered'),
      ...fixtureFiles('render/envs', 'envs'),
      ...fixtureFiles('render/broken-chart', 'charts/broken'),
      ...fixtureFiles('render/remote-dependency', 'charts/remote'),
    }, 'render-helm');
  });

  it('applies value files in order, then valuesObject over values, then parameters', async () => {
    const { tool, manifests } = await render({
      checkoutDir: checkout.dir, appName: 'shop', namespace: 'apps', tools,
      source: helmSource('charts/layered', {
        valueFiles: ['values-first.yaml', '/envs/values-second.yaml'],
        values: 'fromInline: values-string\nonlyInValues: values-string\n',
        valuesObject: { fromInline: 'values-object', fromParameter: 'values-object' },
        parameters: [
          { name: 'fromParameter', value: 'parameter' },
          { name: 'flag', value: 'true', forceString: true },
          { name: 'list', value: 'a,b' },
        ],
      }),
    });
    assert.equal(tool, 'helm');
    assert.deepEqual(valuesConfigMap(manifests).data, {
      fromChart: 'chart',
      fromFirstFile: 'first-file',
      fromSecondFile: 'second-file',
      fromInline: 'values-object',
      fromParameter: 'parameter',
      onlyInValues: 'chart', // values is ignored entirely when valuesObject is set, as in Argo CD
      flagKind: 'string',
      list: 'a,b',
    });
  });

  it('applies values when there is no valuesObject, and --set keeps a parameter typed', async () => {
    const { manifests } = await render({
      checkoutDir: checkout.dir, appName: 'shop', tools,
      source: helmSource('charts/layered', { values: 'fromInline: values-string\nonlyInValues: values-string\n', parameters: [{ name: 'flag', value: 'true' }] }),
    });
    const { data } = valuesConfigMap(manifests);
    assert.equal(data.fromInline, 'values-string');
    assert.equal(data.onlyInValues, 'values-string');
    assert.equal(data.flagKind, 'bool');
  });

  it('uses the app name as release, or releaseName, and the destination namespace', async () => {
    const byApp = await render({ checkoutDir: checkout.dir, appName: 'shop', namespace: 'apps', tools, source: helmSource('charts/layered') });
    assert.deepEqual(valuesConfigMap(byApp.manifests).metadata, { name: 'shop-values', namespace: 'apps' });
    const byRelease = await render({ checkoutDir: checkout.dir, appName: 'shop', namespace: 'apps', tools, source: helmSource('charts/layered', { releaseName: 'storefront' }) });
    assert.equal(valuesConfigMap(byRelease.manifests).metadata.name, 'storefront-values');
  });

  it('renders CRDs and vendored local dependencies, each attributed to its file', async () => {
    const { manifests } = await render({ checkoutDir: checkout.dir, appName: 'shop', tools, source: helmSource('charts/layered') });
    assert.deepEqual(manifests.map((m) => `${m.object.kind}/${m.object.metadata.name} ${m.source.file}`).sort(), [
      'ConfigMap/shop-values charts/layered/templates/configmap.yaml',
      'CustomResourceDefinition/widgets.example.sluice.dev charts/layered/crds/widget.yaml',
      'Service/shop-sidecar charts/layered/charts/sidecar/templates/service.yaml',
    ]);
    assert.ok(manifests.every((m) => m.source.line === undefined));
  });

  it('detects the chart without an explicit helm block', async () => {
    const { tool } = await render({ checkoutDir: checkout.dir, appName: 'shop', tools, source: { repoURL: 'x', targetRevision: 'HEAD', path: 'charts/layered' } });
    assert.equal(tool, 'helm');
  });

  it('reports a missing value file, and leaves it out with ignoreMissingValueFiles', async () => {
    assert.match(await renderError(checkout, helmSource('charts/layered', { valueFiles: ['values-qa.yaml'] })),
      /^charts\/layered: spec\.source\.helm\.valueFiles\[0\] "values-qa\.yaml": no such file in the repository/);
    const { manifests } = await render({
      checkoutDir: checkout.dir, appName: 'shop', tools,
      source: helmSource('charts/layered', { valueFiles: ['values-qa.yaml', 'values-first.yaml'], ignoreMissingValueFiles: true }),
    });
    assert.equal(valuesConfigMap(manifests).data.fromFirstFile, 'first-file');
  });

  it('refuses a value file outside the repository', async () => {
    assert.match(await renderError(checkout, helmSource('charts/layered', { valueFiles: ['../../../../etc/passwd'] })), /points outside the repository/);
  });

  it('reports a broken template with the app path and the template helm names, without local paths', async () => {
    const message = await renderError(checkout, helmSource('charts/broken'));
    assert.match(message, /^charts\/broken: helm template failed: .*broken\/templates\/configmap\.yaml.*noSuchFunction/s);
    assert.ok(!message.includes(checkout.dir), message);
  });

  it('refuses a dependency that is not vendored, naming Chart.yaml', async () => {
    assert.match(await renderError(checkout, helmSource('charts/remote')),
      /^charts\/remote\/Chart\.yaml: dependency "redis" from https:\/\/charts\.example\.invalid\/stable is not in charts\//);
  });

  it('writes nothing into the cached checkout', async () => {
    await render({ checkoutDir: checkout.dir, appName: 'shop', tools, source: helmSource('charts/layered', { values: 'a: 1\n' }) });
    assert.deepEqual(readdirSync(checkout.dir).sort(), ['charts', 'envs']);
    assert.deepEqual(readdirSync(`${checkout.dir}/charts/layered`).sort(), ['Chart.yaml', 'charts', 'crds', 'templates', 'values-first.yaml', 'values.yaml']);
  });
});
