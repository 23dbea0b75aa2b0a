import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startLocalPipeline, type LocalPipeline } from '../../../infra/local/pipeline.js';
import { stack } from '../../harness/stack.js';
import { shown, sluice } from './run-sluice.js';

describe('sluice token create', () => {
  let pipeline: LocalPipeline;

  // The pipeline creates the status table and sets TABLE_NAME and the AWS variables the child inherits.
  before(async () => { pipeline = await startLocalPipeline(stack); });
  after(async () => { await pipeline?.stop(); });

  it('prints a token once that the status API accepts with exactly its role', async () => {
    const created = await sluice(['token', 'create', 'dashboard', '-o', 'json']);
    assert.equal(created.code, 0, shown(created));
    const { token, role, name } = JSON.parse(created.stdout) as { token: string; role: string; name: string };
    assert.deepEqual([name, role], ['dashboard', 'read']);
    const headers = { authorization: `Bearer ${token}` };
    assert.equal((await fetch(`${pipeline.url}/apps`, { headers })).status, 200);
    const sync = await fetch(`${pipeline.url}/apps/anything/sync`, { method: 'POST', headers, body: '{}' });
    assert.equal(sync.status, 403, 'a read token may not sync');
  });

  it('refuses an unknown role as a usage error', async () => {
    const result = await sluice(['token', 'create', 'x', '--role', 'admin']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--role admin: use read or operate/);
  });
});
