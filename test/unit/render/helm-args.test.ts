import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeSetValue, helmTemplateArgs } from '../../../lib/render/index.js';

describe('helmTemplateArgs', () => {
  it('orders value sources lowest precedence first: files, inline values, then parameters', () => {
    assert.deepEqual(helmTemplateArgs({
      releaseName: 'web', chartDir: '/c/chart', namespace: 'prod',
      valueFiles: ['/c/chart/values-a.yaml', '/c/envs/b.yaml'], inlineValuesFile: '/tmp/inline.yaml',
      parameters: [{ name: 'image.tag', value: '1.2' }, { name: 'port', value: '8080', forceString: true }],
    }), [
      'template', 'web', '/c/chart', '--include-crds', '--namespace', 'prod',
      '--values', '/c/chart/values-a.yaml', '--values', '/c/envs/b.yaml', '--values', '/tmp/inline.yaml',
      '--set', 'image.tag=1.2', '--set-string', 'port=8080',
    ]);
  });

  it('leaves out the namespace and inline values when there are none', () => {
    assert.deepEqual(helmTemplateArgs({ releaseName: 'r', chartDir: '/c', valueFiles: [], parameters: [] }), ['template', 'r', '/c', '--include-crds']);
  });
});

describe('escapeSetValue', () => {
  it('escapes commas so a parameter stays one value', () => {
    assert.equal(escapeSetValue('a,b,c'), 'a\\,b\\,c');
  });

  it('leaves commas that are already escaped alone', () => {
    assert.equal(escapeSetValue('a\\,b'), 'a\\,b');
  });
});
