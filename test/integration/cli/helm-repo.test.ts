import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { startLocalPipeline, type LocalPipeline } from '../../../infra/local/pipeline.js';
import { fetchChart } from '../../../lib/charts/index.js';
import { repositoryCredentials, type RepositoryRecord } from '../../../lib/repositories/index.js';
import { SecretStore } from '../../../lib/secrets/index.js';
import { stack } from '../../harness/stack.js';
import { packageChart, pushToRegistry } from '../charts/publish-charts.js';
import { shown, sluice } from './run-sluice.js';

const secrets = () => new SecretStore({ client: new SecretsManagerClient({}) });

describe('sluice repo add --type helm: chart repository credentials', () => {
  let pipeline: LocalPipeline;
  const { authRegistry, registryAuth } = stack.charts;

  before(async () => {
    pipeline = await startLocalPipeline(stack);
    pushToRegistry(packageChart({ name: 'cli-demo', version: '0.3.0' }, mkdtempSync(join(stack.runDir, 'cli-charts-'))), authRegistry, registryAuth);
  });
  after(async () => {
    await pipeline?.stop();
  });

  it('tries an OCI registry\'s credentials first and stores nothing when it refuses them', async () => {
    const add = await sluice(['repo', 'add', `${authRegistry}/charts`, '--type', 'helm', '--enable-oci', '--username', registryAuth.username],
      { SLUICE_REPO_PASSWORD: 'not-the-password', SLUICE_ALLOW_LOOPBACK_URLS: 'true' });
    assert.equal(add.code, 2, shown(add));
    assert.match(add.stderr, /refused the stored credentials \(HTTP 401\).*nothing was stored/);
    assert.doesNotMatch(add.stderr, /not-the-password/);
  });

  it('stores an OCI registry as Argo CD\'s type: helm secret with enableOCI, which the worker\'s lookup then uses to pull a chart', async () => {
    const add = await sluice(['repo', 'add', `${authRegistry}/charts`, '--type', 'helm', '--enable-oci', '--username', registryAuth.username, '-o', 'json'],
      { SLUICE_REPO_PASSWORD: registryAuth.password, SLUICE_ALLOW_LOOPBACK_URLS: 'true' });
    assert.equal(add.code, 0, shown(add));
    const record = JSON.parse(add.stdout) as RepositoryRecord;
    assert.deepEqual([record.url, record.repositoryType, record.enableOCI], [`oci://${authRegistry}/charts`, 'helm', true]);
    assert.deepEqual(JSON.parse(await secrets().getSecretString(record.secretRef)),
      { url: `oci://${authRegistry}/charts`, username: registryAuth.username, password: registryAuth.password, enableOCI: true, type: 'helm' });

    const list = await sluice(['repo', 'list']);
    assert.match(list.stdout, new RegExp(`^oci://${authRegistry.replace(/\./g, '\\.')}/charts\\s+helm \\(oci\\)\\s+${registryAuth.username}$`, 'm'), shown(list));
    assert.ok(!list.stdout.includes(registryAuth.password));

    const credentials = repositoryCredentials({ secrets: secrets(), records: async () => [record], allowLoopbackUrls: true });
    const chart = await fetchChart({ repoURL: `${authRegistry}/charts`, chart: 'cli-demo', targetRevision: '~0.3' },
      { cacheDir: mkdtempSync(join(stack.runDir, 'cli-chart-cache-')), credentials, allowLoopbackUrls: true, timeoutMs: 10_000, maxBytes: 1 << 20 });
    assert.equal(chart.version, '0.3.0');
  });
});
