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
      'template', '--include-crds', '--namespace=prod',
      '--values=/c/chart/values-a.yaml', '--values=/c/envs/b.yaml', '--values=/tmp/inline.yaml',
      '--set=image.tag=1.2', '--set-string=port=8080', '--', 'web', '/c/chart',
    ]);
  });

  it('leaves out the namespace and inline values when there are none', () => {
    assert.deepEqual(helmTemplateArgs({ releaseName: 'r', chartDir: '/c', valueFiles: [], parameters: [] }), ['template', '--include-crds', '--', 'r', '/c']);
  });

  it('skips crds/ with skipCrds, and passes the kube version and API versions as --flag=value', () => {
    assert.deepEqual(helmTemplateArgs({
      releaseName: 'r', chartDir: '/c', valueFiles: [], parameters: [], skipCrds: true,
      kubeVersion: 'v1.30.2-eks-1552ad0', apiVersions: ['apps/v1', 'monitoring.coreos.com/v1/ServiceMonitor'],
    }), ['template', '--skip-crds', '--kube-version=v1.30.2-eks-1552ad0', '--api-versions=apps/v1', '--api-versions=monitoring.coreos.com/v1/ServiceMonitor', '--', 'r', '/c']);
  });

  it('drops a kube version or API version that is not one rather than pass it to helm', () => {
    assert.deepEqual(helmTemplateArgs({ releaseName: 'r', chartDir: '/c', valueFiles: [], parameters: [], kubeVersion: '--post-renderer=x', apiVersions: ['-x', 'a b'] }),
      ['template', '--include-crds', '--', 'r', '/c']);
  });

  it('refuses a release name that is not one, so it can never be read as a flag', () => {
    for (const releaseName of ['--post-renderer=./pr.sh', '-x', 'Web', 'a'.repeat(54), 'web app']) {
      assert.throws(() => helmTemplateArgs({ releaseName, chartDir: '/c', valueFiles: [], parameters: [] }),
        /^RenderError: spec\.source\.helm\.releaseName ".*": not a valid Helm release name/, releaseName);
    }
  });

  it('refuses a parameter name that would smuggle in a flag or a second value', () => {
    for (const name of ['--set-file=x', 'a=b', 'a,b=c', '-x']) {
      assert.throws(() => helmTemplateArgs({ releaseName: 'r', chartDir: '/c', valueFiles: [], parameters: [{ name, value: '1' }] }),
        /^RenderError: spec\.source\.helm\.parameters\[0\]\.name .*: not a Helm value path/, name);
    }
  });

  it('refuses a namespace that is not a DNS label', () => {
    assert.throws(() => helmTemplateArgs({ releaseName: 'r', chartDir: '/c', namespace: '--kubeconfig=/x', valueFiles: [], parameters: [] }),
      /spec\.destination\.namespace "--kubeconfig=\/x": not a valid namespace/);
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
