import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppDetail, AppSummary, DeletionView } from '../../../lib/api/index.js';
import { commands, ExitCode, runCli } from '../../../lib/cli/index.js';
import { painter } from '../../../lib/cli/output/colour.js';
import { formatAppDetail } from '../../../lib/cli/views/app-detail-view.js';
import { formatAppList } from '../../../lib/cli/views/app-list-view.js';
import { captureIo } from './capture-io.js';

const plain = painter(false);
const deletion: DeletionView = {
  phase: 'Failed', reason: 'removed from the config repo at 1a2b3c4d5e6f (pushed by alice)', requestedAt: '2026-03-01T12:00:00.000Z', trigger: { kind: 'webhook', by: 'alice' },
  message: 'PreDelete hook failed: Job/web/backup: job failed; nothing was deleted', cascade: true, propagation: 'Foreground', skipHooks: false,
};
const summary: AppSummary = {
  name: 'web', project: 'default', sync: 'Synced', health: 'Healthy', revision: null, targetRevision: 'main', deployedAt: null,
  lastOperation: null, lastDiffSummary: null, pin: null, conditions: [], deletion, parent: null,
};

describe('apps being deleted, in the CLI', () => {
  it('marks an app being deleted in `app list`, and names the apps the mass-deletion guard holds', () => {
    const text = formatAppList({ apps: [summary], registry: { revision: 'f'.repeat(40), loadedAt: null, errors: ['config repo: Application: the config repo at ffffffffffff removes 3 of 4 applications at once'], staleApps: [], heldApps: ['a', 'b', 'c'] } }, plain);
    assert.match(text, /^web \(Failed deletion\)\s+default\s+Synced/m);
    assert.match(text, /a, b, c held back from deletion \(`sluice app delete <name>` confirms\)/);
  });

  it('says in `app get` what removed the app, what its deletion does and how to get past a failure', () => {
    const detail: AppDetail = {
      ...summary,
      source: { repoURL: 'https://github.com/acme/apps.git', targetRevision: 'main', path: 'web', helm: null, kustomize: null, directory: null },
      destination: { name: 'prod', server: null, namespace: 'web' },
      syncPolicy: { automated: null, syncOptions: { createNamespace: false, pruneLast: false, applyOutOfSyncOnly: false, serverSideApply: false, validate: true, replace: false, force: false }, retry: null },
      resources: [], children: [],
    };
    assert.match(formatAppDetail(detail, plain), /^Deletion:\s+Failed: removed from the config repo at 1a2b3c4d5e6f \(pushed by alice\); objects deleted \(foreground\): PreDelete hook failed: Job\/web\/backup: job failed; nothing was deleted; `sluice app delete web` tries again \(--skip-hooks, --cascade=false\)$/m);
  });

  it('has an `app delete` command, remote mode only, that refuses a --cascade that is not true or false', async () => {
    assert.ok(commands.some((command) => command.path.join(' ') === 'app delete'));
    const io = captureIo({ SLUICE_SERVER: 'http://127.0.0.1:9', SLUICE_TOKEN: 't' });
    assert.equal(await runCli(['app', 'delete', 'web', '--cascade', 'maybe'], io), ExitCode.error);
    assert.match(io.stderr.text, /--cascade maybe: use true or false/);
    const local = captureIo({});
    assert.equal(await runCli(['app', 'delete', 'web', '--local-mode', '--apps', '.'], local), ExitCode.error);
    assert.match(local.stderr.text, /needs remote mode: deletions are recorded in the status store/);
  });
});
