import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTemplatePatch, generateApplications, renderGoTemplates, replaceDeep, replaceParams } from '../../../lib/applicationset/index.js';
import { appSet, contextFor, goTemplateBin, template } from './context.js';

describe('default template ({{param}})', () => {
  it('replaces a tag whose trimmed name is a string parameter, with or without spaces', () => {
    assert.equal(replaceParams('{{name}}-{{ name }}-{{  path.basename}}', { name: 'a', 'path.basename': 'b' }, 'x'), 'a-a-b');
  });

  it('leaves unknown tags, empty tags and Go-template syntax exactly as written', () => {
    assert.equal(replaceParams('{{missing}} {{ }} {{.name}} {{name | upper}}', { name: 'a' }, 'x'), '{{missing}} {{ }} {{.name}} {{name | upper}}');
  });

  it('does not render a string without {{…}} on one line, and refuses an unclosed tag after a rendered one', () => {
    assert.equal(replaceParams('a {{ b\n}} c', { b: 'x' }, 'x'), 'a {{ b\n}} c');
    assert.throws(() => replaceParams('{{name}} {{oops', { name: 'a' }, 'metadata.name'), /metadata\.name: invalid template .*never closed/);
  });

  it('renders mapping keys as well as values', () => {
    assert.deepEqual(replaceDeep({ labels: { '{{k}}': '{{v}}' }, n: 1 }, { k: 'team', v: 'web' }), { labels: { team: 'web' }, n: 1 });
  });
});

describe('Go templates (goTemplate: true)', () => {
  const render = (value: unknown, params: Record<string, unknown>, options: string[] = []) => renderGoTemplates([{ value, params }], { bin: goTemplateBin, options, where: 'ApplicationSet "t"' });

  it('renders each string with text/template and sprig, numbers and booleans kept', async () => {
    const [result] = await render({ name: '{{ .name | lower }}-{{ .path.basename | normalize }}', n: 3, b: true, list: ['{{ default "x" .none }}'] }, { name: 'API', path: { basename: 'My_App' } });
    assert.deepEqual(result, { value: { name: 'api-my-app', n: 3, b: true, list: ['x'] } });
  });

  it('prints <no value> for a missing key by default, and fails clearly with missingkey=error', async () => {
    assert.deepEqual((await render({ a: '{{ .nope }}' }, {}))[0], { value: { a: '<no value>' } });
    const [failed] = await render({ spec: { a: '{{ .nope }}' } }, {}, ['missingkey=error']);
    assert.match(failed!.error!, /^spec\.a: failed to execute go template "\{\{ \.nope \}\}": .*map has no entry for key "nope"/);
  });

  it('has none of the functions Argo CD removes (env, expandenv, getHostByName)', async () => {
    for (const fn of ['env "HOME"', 'expandenv "$HOME"', 'getHostByName "localhost"']) {
      const [result] = await render({ a: `{{ ${fn} }}` }, {});
      assert.match(result!.error!, /function ".*" not defined/);
    }
  });

  it('has Argo CD\'s own functions: toYaml, fromYaml, slugify, tpl', async () => {
    const [result] = await render({ y: '{{ toYaml .m }}', f: '{{ (fromYaml "a: 1").a }}', s: '{{ slugify "Hello World!" }}', t: '{{ tpl "{{ .x }}!" . }}' }, { m: { k: 'v' }, x: 'hi' });
    assert.deepEqual(result, { value: { y: 'k: v', f: '1', s: 'hello-world', t: 'hi!' } });
  });

  it('stops a template that writes past its budget', async () => {
    const [result] = await renderGoTemplates([{ value: '{{ range until 10000000 }}xxxxxxxxxx{{ end }}', params: {} }], { bin: goTemplateBin, options: [], where: 'w', maxItemBytes: 1000 });
    assert.match(result!.error!, /larger than 1000 bytes/);
  });

  it('fails a generated app clearly on a missing key with missingkey=error, and generates the others', async () => {
    const goTemplateSpec = { ...template, metadata: { name: '{{ .name }}-{{ .team }}' }, spec: { ...template.spec, destination: { server: '{{ .server }}', namespace: 'x' } } };
    const context = contextFor(appSet({ goTemplate: true, goTemplateOptions: ['missingkey=error'], template: goTemplateSpec, generators: [{ list: { elements: [{ name: 'a', team: 'web', server: 'https://a.example.com' }, { name: 'b', server: 'https://a.example.com' }] } }] }), { clusters: [{ name: 'a', server: 'https://a.example.com', labels: {}, annotations: {} }] });
    const generation = await generateApplications(context.applicationSet, context, 'appsets.yaml');
    assert.deepEqual(generation.applications.map((a) => a.name), ['a-web']);
    assert.equal(generation.errors.length, 1);
    assert.match(generation.errors[0]!.message, /ApplicationSet "guestbook": metadata\.name: failed to execute go template .*map has no entry for key "team"/);
  });
});

describe('templatePatch', () => {
  it('merges mappings, replaces lists and removes fields set to null', () => {
    const app = { metadata: { name: 'a', labels: { x: '1' } }, spec: { source: { path: 'p', helm: { valueFiles: ['a.yaml'] } }, syncPolicy: { automated: {} } } };
    assert.deepEqual(applyTemplatePatch(app, 'metadata:\n  labels: {y: "2"}\nspec:\n  source:\n    helm:\n      valueFiles: [b.yaml]\n  syncPolicy: null\n', 'p'),
      { metadata: { name: 'a', labels: { x: '1', y: '2' } }, spec: { source: { path: 'p', helm: { valueFiles: ['b.yaml'] } } } });
  });

  it('is rendered as one Go template per parameter set, so it can add fields conditionally', async () => {
    const context = contextFor(appSet({
      goTemplate: true,
      template: { ...template, metadata: { name: '{{ .name }}' }, spec: { ...template.spec, destination: { server: 'https://a.example.com', namespace: 'x' } } },
      templatePatch: '{{- if .autoSync }}\nspec:\n  syncPolicy:\n    automated:\n      prune: {{ .prune }}\n{{- end }}\n',
      generators: [{ list: { elements: [{ name: 'auto', autoSync: true, prune: true }, { name: 'manual', autoSync: false }] } }],
    }), { clusters: [{ name: 'a', server: 'https://a.example.com', labels: {}, annotations: {} }] });
    const generation = await generateApplications(context.applicationSet, context, 'appsets.yaml');
    assert.deepEqual(generation.errors, []);
    assert.deepEqual(generation.applications.map((a) => [a.name, a.syncPolicy.automated?.prune]), [['auto', true], ['manual', undefined]]);
  });

  it('refuses a patch that does not render to a mapping', () => {
    assert.throws(() => applyTemplatePatch({}, '- a\n', 'templatePatch'), /templatePatch must render to a mapping/);
  });
});
