import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ApplicationSource, DirectorySource } from '../../../lib/model/types.js';
import { render, RenderError, type Manifest } from '../../../lib/render/index.js';
import { tempTree } from './temp-tree.js';

const deployment = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 1\n`;
const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

function source(path: string, directory?: DirectorySource): ApplicationSource {
  return { repoURL: 'https://git.example.com/acme/app', targetRevision: 'HEAD', path, ...(directory ? { directory } : {}) };
}

async function renderDir(files: Record<string, string>, path = 'app', directory?: DirectorySource): Promise<Manifest[]> {
  const result = await render({ checkoutDir: tempTree(files), source: source(path, directory), appName: 'demo' });
  assert.equal(result.tool, 'directory');
  return result.manifests;
}

const names = (manifests: Manifest[]) => manifests.map((m) => m.object.metadata.name);
const where = (manifests: Manifest[]) => manifests.map((m) => `${m.source.file}:${m.source.line}`);

async function renderError(files: Record<string, string>, directory?: DirectorySource): Promise<string> {
  try {
    await renderDir(files, 'app', directory);
  } catch (error) {
    assert.ok(error instanceof RenderError, String(error));
    return error.message;
  }
  assert.fail('expected a RenderError');
}

describe('directory rendering', () => {
  it('reads every document of a multi-document YAML file with the line it starts on', async () => {
    const manifests = await renderDir({
      'app/all.yaml': `# comment first\n${deployment('web')}---\n${configMap('settings')}---\n\n---\n# only a comment\n---\n${configMap('more')}`,
    });
    assert.deepEqual(names(manifests), ['web', 'settings', 'more']);
    assert.deepEqual(where(manifests), ['app/all.yaml:2', 'app/all.yaml:9', 'app/all.yaml:18']);
  });

  it('reads .yml and .json files and ignores other files', async () => {
    const manifests = await renderDir({
      'app/a.yml': configMap('from-yml'),
      'app/b.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'from-json' } }, null, '\t'),
      'app/README.md': '# not a manifest',
      'app/script.sh': 'echo hi',
    });
    assert.deepEqual(names(manifests), ['from-yml', 'from-json']);
  });

  it('keeps objects exactly as written: unknown fields kept, no namespace added', async () => {
    const [manifest] = await renderDir({ 'app/x.yaml': 'apiVersion: example.dev/v1\nkind: Thing\nmetadata:\n  name: t\nspec:\n  futureField: {a: 1}\n' });
    assert.deepEqual(manifest?.object, { apiVersion: 'example.dev/v1', kind: 'Thing', metadata: { name: 't' }, spec: { futureField: { a: 1 } } });
  });

  it('expands a List into its items, each with its own line', async () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n  - ${configMap('one').trimEnd().split('\n').join('\n    ')}\n  - ${configMap('two').trimEnd().split('\n').join('\n    ')}\n`;
    const manifests = await renderDir({ 'app/list.yaml': list });
    assert.deepEqual(names(manifests), ['one', 'two']);
    assert.deepEqual(where(manifests), ['app/list.yaml:4', 'app/list.yaml:8']);
  });

  it('expands typed lists and tolerates a null items list', async () => {
    const manifests = await renderDir({
      'app/a.yaml': `apiVersion: v1\nkind: ConfigMapList\nitems:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: typed}}\n`,
      'app/b.yaml': 'apiVersion: v1\nkind: ConfigMapList\nitems: null\n',
    });
    assert.deepEqual(names(manifests), ['typed']);
  });

  it('accepts generateName instead of name', async () => {
    const manifests = await renderDir({ 'app/job.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\n' });
    assert.equal(manifests[0]?.object.metadata.generateName, 'migrate-');
  });

  it('reads only the top directory unless recurse is set, in sorted depth-first order', async () => {
    const files = {
      'app/b.yaml': configMap('b'),
      'app/a/deep.yaml': configMap('a-deep'),
      'app/c/d/deeper.yaml': configMap('deeper'),
      'app/a.yaml': configMap('a'),
    };
    assert.deepEqual(names(await renderDir(files)), ['a', 'b']);
    assert.deepEqual(names(await renderDir(files, 'app', { recurse: true })), ['a-deep', 'a', 'b', 'deeper']);
  });

  it('filters with include and exclude globs matched against the path below the app path', async () => {
    const files = {
      'app/deployment.yaml': deployment('web'),
      'app/service.yaml': configMap('svc'),
      'app/extra.yaml': configMap('extra'),
      'app/prod/override.yaml': configMap('prod-override'),
      'app/dev/override.yaml': configMap('dev-override'),
    };
    assert.deepEqual(names(await renderDir(files, 'app', { recurse: true, include: '{deployment.yaml,service.yaml}' })), ['web', 'svc']);
    assert.deepEqual(names(await renderDir(files, 'app', { recurse: true, exclude: 'dev/*' })), ['web', 'extra', 'prod-override', 'svc']);
    assert.deepEqual(names(await renderDir(files, 'app', { recurse: true, include: '*.yaml', exclude: '{extra.yaml,dev/*}' })), ['web', 'prod-override', 'svc']);
  });

  it('explains an include glob that does not parse', async () => {
    assert.match(await renderError({ 'app/a.yaml': configMap('a') }, { recurse: false, include: '{a.yaml' }),
      /^app: spec\.source\.directory\.include "\{a\.yaml" is not a valid glob: an unclosed "\{"/);
  });

  it('skips YAML files that hold no Kubernetes object, as Argo CD does', async () => {
    const manifests = await renderDir({ 'app/values.yaml': 'replicaCount: 3\nimage: web\n', 'app/cm.yaml': configMap('cm') });
    assert.deepEqual(names(manifests), ['cm']);
  });

  it('skips files marked +argocd:skip-file-rendering', async () => {
    const manifests = await renderDir({ 'app/skip.yaml': `# +argocd:skip-file-rendering\n${configMap('skipped')}`, 'app/cm.yaml': configMap('kept') });
    assert.deepEqual(names(manifests), ['kept']);
  });

  it('names file, line and column and the parser reason for invalid YAML, without quoting the line', async () => {
    const message = await renderError({ 'app/bad.yaml': `${configMap('ok')}---\napiVersion: v1\nkind: Secret\nstringData:\n  password: [hunter2\n` });
    assert.match(message, /^app\/bad\.yaml:\d+:\d+: invalid YAML: .+/);
    assert.doesNotMatch(message, /hunter2/);
  });

  it('refuses duplicate keys, which Kubernetes would resolve silently', async () => {
    assert.match(await renderError({ 'app/dup.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n' }),
      /^app\/dup\.yaml:5:3: invalid YAML: Map keys must be unique/);
  });

  it('names file and line for invalid JSON', async () => {
    assert.match(await renderError({ 'app/bad.json': '{\n  "apiVersion": "v1",\n  "kind" "ConfigMap"\n}\n' }), /^app\/bad\.json:3:\d+: invalid JSON: /);
  });

  it('names file and line of an object without kind, apiVersion or name', async () => {
    assert.match(await renderError({ 'app/a.yaml': `${configMap('ok')}---\napiVersion: v1\nmetadata:\n  name: x\n` }),
      /^app\/a\.yaml:6: the object has no kind; every object needs apiVersion, kind and metadata\.name/);
    assert.match(await renderError({ 'app/a.yaml': 'kind: ConfigMap\nmetadata:\n  name: x\n' }), /^app\/a\.yaml:1: the object has no apiVersion/);
    assert.match(await renderError({ 'app/a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n' }), /^app\/a\.yaml:1: the object has no metadata\.name/);
  });

  it('names the line of a bad List item', async () => {
    assert.match(await renderError({ 'app/l.yaml': 'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n  - {apiVersion: v1, kind: ConfigMap}\n' }),
      /^app\/l\.yaml:5: the object has no metadata/);
  });

  it('refuses a scalar or sequence document among objects', async () => {
    assert.match(await renderError({ 'app/a.yaml': `${configMap('ok')}---\n- a\n- b\n` }), /^app\/a\.yaml:6: expected a Kubernetes object \(a mapping\), found a sequence/);
  });

  it('evaluates .jsonnet files with the Jsonnet tool, and names the file when the tool is missing', async () => {
    const root = tempTree({ 'app/main.jsonnet': '{}' });
    await assert.rejects(render({ checkoutDir: root, source: source('app'), appName: 'demo', tools: { jsonnet: join(root, 'no-such-jsonnet') } }),
      (error: Error) => error instanceof RenderError && /^app\/main\.jsonnet: no-such-jsonnet was not found/.test(error.message));
  });

  it('never evaluates .libsonnet files on their own: they are only imported', async () => {
    const root = tempTree({ 'app/lib.libsonnet': '{}', 'app/cm.yaml': configMap('plain') });
    const { manifests } = await render({ checkoutDir: root, source: source('app'), appName: 'demo', tools: { jsonnet: join(root, 'no-such-jsonnet') } });
    assert.deepEqual(names(manifests), ['plain']);
  });

  it('follows symlinked files inside the checkout but not symlinked directories', async () => {
    const root = tempTree({ 'shared/cm.yaml': configMap('shared'), 'shared/sub/x.yaml': configMap('x'), 'app/own.yaml': configMap('own') });
    symlinkSync('../shared/cm.yaml', join(root, 'app', 'linked.yaml'));
    symlinkSync('../shared/sub', join(root, 'app', 'linkeddir'));
    const { manifests } = await render({ checkoutDir: root, source: source('app', { recurse: true }), appName: 'demo' });
    assert.deepEqual(names(manifests), ['shared', 'own']);
  });

  it('renders the checkout root when the path is empty or "."', async () => {
    assert.deepEqual(names(await renderDir({ 'cm.yaml': configMap('root') }, '.')), ['root']);
    const manifests = await renderDir({ 'cm.yaml': configMap('root') }, '');
    assert.equal(manifests[0]?.source.file, 'cm.yaml');
  });
});
