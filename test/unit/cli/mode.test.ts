import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../../lib/cli/index.js';
import { resolveMode } from '../../../lib/cli/mode.js';

const mode = (flags: Record<string, string | boolean>, env: NodeJS.ProcessEnv = {}, forceLocal?: string) => resolveMode(flags, env, '/work', 'sluice app list', forceLocal);
const refused = (pattern: RegExp, ...args: Parameters<typeof mode>) => assert.throws(() => mode(...args), (e: unknown) => e instanceof UsageError && pattern.test(e.message));

describe('choosing remote or local mode', () => {
  it('is remote when a server is configured, flags winning over the environment', () => {
    assert.deepEqual(mode({}, { SLUICE_SERVER: 'https://a.example/prod/', SLUICE_TOKEN: 't' }), { kind: 'remote', server: 'https://a.example/prod', token: 't' });
    assert.deepEqual(mode({ server: 'https://b.example', token: 'u' }, { SLUICE_SERVER: 'https://a.example', SLUICE_TOKEN: 't' }), { kind: 'remote', server: 'https://b.example', token: 'u' });
  });

  it('is local with --local-mode, or when no server is configured', () => {
    const local = mode({ 'local-mode': true, apps: 'apps', kubeconfig: 'k.yaml', 'cluster-name': 'prod' }, { SLUICE_SERVER: 'https://a.example', SLUICE_TOKEN: 't' });
    assert.deepEqual(local, { kind: 'local', appsDir: '/work/apps', kubeconfig: '/work/k.yaml', context: undefined, clusterName: 'prod' });
    assert.equal(mode({}, { SLUICE_APPS: '/cfg', KUBECONFIG: '/a/config:/b/config' }).kind, 'local');
  });

  it('takes the first KUBECONFIG path, as kubectl merges them in order', () => {
    const local = mode({ apps: '/cfg' }, { KUBECONFIG: '/a/config:/b/config' });
    assert.equal(local.kind === 'local' && local.kubeconfig, '/a/config');
  });

  it('is local when a flag only local mode serves is given, and says so when --apps is missing', () => {
    refused(/^--apps: local mode \(--local\) needs the directory/, {}, { SLUICE_SERVER: 'https://a.example', SLUICE_TOKEN: 't' }, '--local');
    refused(/^--apps: local mode \(no --server or SLUICE_SERVER is set, so the engine runs here\)/, {});
  });

  it('refuses a server that is not an http(s) URL, or carries credentials', () => {
    refused(/^--server "sluice.example": not a URL/, { server: 'sluice.example', token: 't' });
    refused(/^--server ftp:\/\/sluice.example: use an http or https URL/, { server: 'ftp://sluice.example', token: 't' });
    refused(/^--server: do not put credentials in the URL/, { server: 'https://me:pw@sluice.example', token: 't' });
  });
});
