import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateApplications, GeneratorError, type ClusterInfo } from '../../../lib/applicationset/index.js';
import { transform } from '../../../lib/applicationset/generators/transform.js';
import { appSet, contextFor, template } from './context.js';

const clusters: ClusterInfo[] = [
  { name: 'prod-eu', server: 'https://prod-eu.example.com', labels: { env: 'prod', region: 'eu' }, annotations: {} },
  { name: 'prod-us', server: 'https://prod-us.example.com', labels: { env: 'prod', region: 'us' }, annotations: {} },
  { name: 'Staging_1', server: 'https://staging.example.com', labels: { env: 'staging' }, annotations: {} },
];

async function paramsOf(spec: Record<string, unknown>, options: Parameters<typeof contextFor>[1] = {}) {
  const context = contextFor(appSet({ template, ...spec }), options);
  return (await transform(context.applicationSet.generators[0]!, context, context.applicationSet.template, 'spec.generators[0]')).params;
}

describe('list generator', () => {
  it('gives each element as a parameter set, values as values.<key>', async () => {
    assert.deepEqual(await paramsOf({ generators: [{ list: { elements: [{ name: 'a', server: 'https://a', values: { tier: 'web' } }] } }] }),
      [{ name: 'a', server: 'https://a', 'values.tier': 'web' }]);
  });

  it('refuses a value that is not a string for the default template, naming the element', async () => {
    await assert.rejects(paramsOf({ generators: [{ list: { elements: [{ name: 'a', replicas: 3 }] } }] }),
      (error: Error) => error instanceof GeneratorError && /elements\[0\]\.replicas: the default template takes strings only/.test(error.message));
  });

  it('keeps elements as written for goTemplate and adds elementsYaml after them', async () => {
    assert.deepEqual(await paramsOf({ goTemplate: true, generators: [{ list: { elements: [{ name: 'a', replicas: 3 }], elementsYaml: '- name: b\n  nested: {x: 1}\n' } }] }),
      [{ name: 'a', replicas: 3 }, { name: 'b', nested: { x: 1 } }]);
  });
});

describe('clusters generator', () => {
  it('gives every registered cluster with name, nameNormalized, server and metadata.labels.<key>', async () => {
    const sets = await paramsOf({ generators: [{ clusters: {} }] }, { clusters });
    assert.deepEqual(sets[2], { name: 'Staging_1', nameNormalized: 'staging-1', server: 'https://staging.example.com', project: '', 'metadata.labels.env': 'staging' });
    assert.equal(sets.length, 3);
  });

  it('selects clusters by label (matchLabels and matchExpressions) and renders values with each cluster', async () => {
    const sets = await paramsOf({ generators: [{ clusters: { selector: { matchLabels: { env: 'prod' }, matchExpressions: [{ key: 'region', operator: 'NotIn', values: ['us'] }] }, values: { url: '{{server}}/x' } } }] }, { clusters });
    assert.deepEqual(sets.map((s) => [s.name, s['values.url']]), [['prod-eu', 'https://prod-eu.example.com/x']]);
  });

  it('nests labels under metadata for goTemplate, and renders values as Go templates', async () => {
    const sets = await paramsOf({ goTemplate: true, generators: [{ clusters: { values: { region: '{{ .metadata.labels.region | upper }}' } } }] }, { clusters: clusters.slice(0, 1) });
    assert.deepEqual(sets, [{ name: 'prod-eu', nameNormalized: 'prod-eu', server: 'https://prod-eu.example.com', project: '', metadata: { labels: { env: 'prod', region: 'eu' }, annotations: {} }, values: { region: 'EU' } }]);
  });
});

describe('git generator', () => {
  const repo = { 'apps/guestbook/kustomization.yaml': '', 'apps/helm-guestbook/Chart.yaml': '', 'apps/legacy/a.yaml': '', 'apps/.hidden/x.yaml': '', 'README.md': '' };
  const git = (entry: Record<string, unknown>) => ({ git: { repoURL: 'https://git.example.com/apps.git', ...entry } });

  it('gives each matching directory with path, path.basename, path.basenameNormalized and path[n], minus excluded ones', async () => {
    const sets = await paramsOf({ generators: [git({ directories: [{ path: 'apps/*' }, { path: 'apps/legacy', exclude: true }] })] }, { git: repo });
    assert.deepEqual(sets, [
      { path: 'apps/guestbook', 'path.basename': 'guestbook', 'path.basenameNormalized': 'guestbook', 'path[0]': 'apps', 'path[1]': 'guestbook' },
      { path: 'apps/helm-guestbook', 'path.basename': 'helm-guestbook', 'path.basenameNormalized': 'helm-guestbook', 'path[0]': 'apps', 'path[1]': 'helm-guestbook' },
    ]);
  });

  it('nests the path for goTemplate, with segments, under pathParamPrefix when set', async () => {
    const sets = await paramsOf({ goTemplate: true, generators: [git({ directories: [{ path: 'apps/guest*' }], pathParamPrefix: 'app' })] }, { git: repo });
    assert.deepEqual(sets, [{ app: { path: { path: 'apps/guestbook', basename: 'guestbook', basenameNormalized: 'guestbook', segments: ['apps', 'guestbook'] } } }]);
  });

  it('reads JSON and YAML files, flattening their keys for the default template; a list gives one set per entry', async () => {
    const files = {
      'clusters/eu/config.json': '{"cluster": {"name": "eu", "replicas": 3, "big": 2000000, "on": true}, "tags": ["a", "b"]}',
      'clusters/us/config.yaml': '- cluster: {name: us1}\n- cluster: {name: us2}\n',
      'clusters/old/config.json': '{"cluster": {"name": "old"}}',
    };
    const sets = await paramsOf({ generators: [git({ files: [{ path: 'clusters/**/config.*' }, { path: 'clusters/old/*', exclude: true }] })] }, { git: files });
    assert.deepEqual(sets[0], {
      'cluster.name': 'eu', 'cluster.replicas': '3', 'cluster.big': '2e+06', 'cluster.on': 'true', 'tags.0': 'a', 'tags.1': 'b',
      path: 'clusters/eu', 'path.basename': 'eu', 'path.basenameNormalized': 'eu', 'path.filename': 'config.json', 'path.filenameNormalized': 'config.json', 'path[0]': 'clusters', 'path[1]': 'eu',
    });
    assert.deepEqual(sets.slice(1).map((s) => s['cluster.name']), ['us1', 'us2']);
  });

  it('keeps file content nested for goTemplate', async () => {
    const sets = await paramsOf({ goTemplate: true, generators: [git({ files: [{ path: 'c/config.json' }] })] }, { git: { 'c/config.json': '{"cluster": {"name": "eu"}}' } });
    assert.deepEqual(sets[0]!.cluster, { name: 'eu' });
    assert.equal((sets[0]!.path as { filename: string }).filename, 'config.json');
  });

  it('names the file that does not parse', async () => {
    await assert.rejects(paramsOf({ generators: [git({ files: [{ path: '*.json' }] })] }, { git: { 'bad.json': '{"a": [' } }),
      /spec\.generators\[0\]\.git: https:\/\/git\.example\.com\/apps\.git file bad\.json: unable to parse file/);
  });
});

describe('selector on a generator', () => {
  it('keeps only the parameter sets whose string values match', async () => {
    const sets = await paramsOf({ generators: [{ list: { elements: [{ name: 'a', env: 'prod' }, { name: 'b', env: 'dev' }] }, selector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] } }] });
    assert.deepEqual(sets.map((s) => s.name), ['a']);
  });
});

describe('matrix generator', () => {
  it('combines every cluster with every directory, the second generator rendered with the first one\'s parameters', async () => {
    const sets = await paramsOf({ generators: [{ matrix: { generators: [
      { clusters: { selector: { matchLabels: { env: 'prod' } } } },
      { list: { elements: [{ app: 'one', where: '{{name}}' }, { app: 'two', where: '{{name}}' }] } },
    ] } }] }, { clusters });
    assert.deepEqual(sets.map((s) => `${s.name}/${s.app}/${s.where}`), ['prod-eu/one/prod-eu', 'prod-eu/two/prod-eu', 'prod-us/one/prod-us', 'prod-us/two/prod-us']);
  });

  it('refuses two generators setting one parameter to different values for the default template', async () => {
    await assert.rejects(paramsOf({ generators: [{ matrix: { generators: [{ list: { elements: [{ name: 'a' }] } }, { list: { elements: [{ name: 'b' }] } }] } }] }),
      /both generators set parameter "name", to "a" and "b"/);
  });

  it('merges nested parameters for goTemplate, the first generator\'s values winning', async () => {
    const sets = await paramsOf({ goTemplate: true, generators: [{ matrix: { generators: [{ list: { elements: [{ a: { x: 1 } }] } }, { list: { elements: [{ a: { x: 2, y: 3 } }] } }] } }] });
    assert.deepEqual(sets, [{ a: { x: 1, y: 3 } }]);
  });

  it('ignores selectors inside a nested matrix unless applyNestedSelectors', async () => {
    const nested = { matrix: { generators: [{ list: { elements: [{ a: '1' }, { a: '2' }] }, selector: { matchLabels: { a: '1' } } }, { list: { elements: [{ b: 'x' }] } }] } };
    const spec = (apply: boolean) => ({ applyNestedSelectors: apply, generators: [{ matrix: { generators: [nested, { list: { elements: [{ c: 'y' }] } }] } }] });
    assert.equal((await paramsOf(spec(false))).length, 2);
    assert.equal((await paramsOf(spec(true))).length, 1);
  });
});

describe('merge generator', () => {
  it('overrides the first generator\'s sets with later ones of the same mergeKeys and drops unmatched later sets', async () => {
    const sets = await paramsOf({ generators: [{ merge: { mergeKeys: ['name'], generators: [
      { clusters: {} },
      { list: { elements: [{ name: 'prod-us', 'values.replicas': '5' }, { name: 'nowhere', 'values.replicas': '9' }] } },
    ] } }] }, { clusters });
    assert.deepEqual(sets.map((s) => [s.name, s['values.replicas'] ?? '-']), [['prod-eu', '-'], ['prod-us', '5'], ['Staging_1', '-']]);
  });

  it('refuses a later generator with two sets of one key', async () => {
    await assert.rejects(paramsOf({ generators: [{ merge: { mergeKeys: ['name'], generators: [{ list: { elements: [{ name: 'a' }] } }, { list: { elements: [{ name: 'a', x: '1' }, { name: 'a', x: '2' }] } }] } }] }),
      /two parameter sets have the same mergeKeys values \{"name":"a"\}/);
  });
});

describe('generated applications', () => {
  it('fills the template per set and adds the resources finalizer unless preserveResourcesOnDeletion', async () => {
    const spec = (preserve: boolean) => appSet({ template, syncPolicy: { preserveResourcesOnDeletion: preserve }, generators: [{ clusters: {} }] });
    const context = contextFor(spec(false), { clusters: clusters.slice(0, 2) });
    const generation = await generateApplications(context.applicationSet, context, 'appsets.yaml');
    assert.deepEqual(generation.errors, []);
    assert.deepEqual(generation.applications.map((a) => [a.name, a.destination.server, a.finalizers]), [
      ['prod-eu-guestbook', 'https://prod-eu.example.com', ['resources-finalizer.argocd.argoproj.io']],
      ['prod-us-guestbook', 'https://prod-us.example.com', ['resources-finalizer.argocd.argoproj.io']],
    ]);
    const kept = contextFor(spec(true), { clusters: clusters.slice(0, 1) });
    assert.equal((await generateApplications(kept.applicationSet, kept, 'appsets.yaml')).applications[0]!.finalizers, undefined);
  });

  it('reports an app whose name the template makes invalid, and generates the others', async () => {
    const context = contextFor(appSet({ template, generators: [{ clusters: {} }] }), { clusters });
    const generation = await generateApplications(context.applicationSet, context, 'appsets.yaml');
    assert.deepEqual(generation.applications.map((a) => a.name), ['prod-eu-guestbook', 'prod-us-guestbook']);
    assert.equal(generation.errors.length, 1);
    assert.match(generation.errors[0]!.message, /^ApplicationSet "guestbook": generated Application "Staging_1-guestbook" is invalid: metadata\.name: expected a Kubernetes name/);
    assert.deepEqual(generation.failed, ['Staging_1-guestbook']);
  });

  it('reports two generated apps with one name and generates neither of them', async () => {
    const context = contextFor(appSet({ template: { ...template, metadata: { name: 'same' } }, generators: [{ clusters: { selector: { matchLabels: { env: 'prod' } } } }, { list: { elements: [{ name: 'other', server: 'https://prod-eu.example.com' }] } }] }), { clusters });
    const generation = await generateApplications(context.applicationSet, context, 'appsets.yaml');
    assert.deepEqual(generation.applications, []);
    assert.match(generation.errors.map((e) => e.message).join('\n'), /generated two Applications named "same"/);
    assert.deepEqual(generation.failed, ['same']);
  });

  it('reports a destination naming an unregistered cluster', async () => {
    const context = contextFor(appSet({ template: { ...template, spec: { ...template.spec, destination: { name: '{{name}}', namespace: 'x' } } }, generators: [{ list: { elements: [{ name: 'prod-eu' }, { name: 'mars' }] } }] }), { clusters });
    const generation = await generateApplications(context.applicationSet, context, 'appsets.yaml');
    assert.deepEqual(generation.applications.map((a) => a.name), ['prod-eu-guestbook']);
    assert.match(generation.errors[0]!.message, /generated Application "mars-guestbook": destination cluster "mars" is not registered/);
  });

  it('takes a generator\'s own template over the ApplicationSet\'s', async () => {
    const context = contextFor(appSet({ template, generators: [{ list: { elements: [{ name: 'a', server: 'https://prod-eu.example.com' }], template: { metadata: { name: 'own-{{name}}' }, spec: { project: '' } } } }] }), { clusters });
    const generation = await generateApplications(context.applicationSet, context, 'appsets.yaml');
    assert.deepEqual(generation.applications.map((a) => [a.name, a.project, a.source.path]), [['own-a', 'default', 'guestbook']]);
  });

  it('marks the generation incomplete when a generator fails, so nothing is deleted', async () => {
    const context = contextFor(appSet({ template, generators: [{ list: { elements: [{ name: 3 }] } }] }));
    const generation = await generateApplications(context.applicationSet, context, 'appsets.yaml');
    assert.equal(generation.complete, false);
    assert.match(generation.errors[0]!.field, /spec\.generators\[0\]/);
  });
});
