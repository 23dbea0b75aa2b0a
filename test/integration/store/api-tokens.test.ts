import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { hashApiToken, StoreError, type StatusStore } from '../../../lib/store/index.js';
import { statusTable } from './status-table.js';

describe('API tokens', () => {
  let table: Awaited<ReturnType<typeof statusTable>>;
  let store: StatusStore;
  const secret = 'sluice_tok_0123456789abcdef';
  before(async () => {
    table = await statusTable('tokens');
    store = table.store;
  });

  it('finds a token by the hash of what a caller presents', async () => {
    await store.putApiToken({ id: 'ci', name: 'CI pipeline', role: 'operate', hash: hashApiToken(secret) });
    const found = await store.findApiTokenByHash(hashApiToken(secret));
    assert.equal(found?.id, 'ci');
    assert.equal(found?.role, 'operate');
    assert.equal(await store.findApiTokenByHash(hashApiToken('wrong')), undefined);
    assert.equal(await store.findApiTokenByHash('not a hash'), undefined);
  });

  it('never stores the token itself', async () => {
    const { Items = [] } = await table.doc.send(new ScanCommand({ TableName: table.names.status }));
    assert.equal(JSON.stringify(Items).includes(secret), false);
  });

  it('refuses a plain token in place of its hash, without echoing it', async () => {
    await assert.rejects(store.putApiToken({ id: 'oops', name: 'oops', role: 'read', hash: secret }), (error: Error) => {
      assert.ok(error instanceof StoreError);
      assert.match(error.message, /^API token oops: hash must be the SHA-256/);
      assert.equal(error.message.includes(secret), false);
      return true;
    });
  });

  it('lists tokens and revokes one by id', async () => {
    await store.putApiToken({ id: 'chat', name: 'Slack', role: 'read', hash: hashApiToken('other') });
    assert.deepEqual((await store.listApiTokens()).map((token) => token.id), ['chat', 'ci']);
    assert.equal(await store.deleteApiToken('ci'), true);
    assert.equal(await store.deleteApiToken('ci'), false);
    assert.equal(await store.findApiTokenByHash(hashApiToken(secret)), undefined);
  });
});
