import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApiToken, handleApiRequest } from '../../../lib/api/index.js';
import { SluiceError } from '../../../lib/errors.js';
import { hashApiToken, type ApiToken } from '../../../lib/store/index.js';
import { fixedNow, memoryDeps, request } from './memory-deps.js';

describe('createApiToken', () => {
  it('returns the token once and stores only its hash', async () => {
    const stored: ApiToken[] = [];
    const created = await createApiToken({ putApiToken: async (token) => void stored.push(token) }, { name: 'ci-deploy', role: 'operate' }, fixedNow);
    assert.match(created.token, /^sluice_[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(stored, [{ id: created.id, name: 'ci-deploy', role: 'operate', hash: hashApiToken(created.token), createdAt: fixedNow.toISOString() }]);
    assert.ok(!JSON.stringify(stored).includes(created.token));
  });

  it('makes a different token every time', async () => {
    const store = { putApiToken: async () => {} };
    const [a, b] = await Promise.all([createApiToken(store, { name: 'a', role: 'read' }), createApiToken(store, { name: 'a', role: 'read' })]);
    assert.notEqual(a.token, b.token);
    assert.notEqual(a.id, b.id);
  });

  it('makes a token the API accepts with its role', async () => {
    const deps = memoryDeps();
    const created = await createApiToken({ putApiToken: async (token) => void deps.store.tokens.set(token.hash, token) }, { name: 'viewer', role: 'read' });
    assert.equal((await handleApiRequest(request('GET', '/apps', { token: created.token }), deps)).status, 200);
    assert.equal((await handleApiRequest(request('POST', '/apps/web/sync', { token: created.token }), deps)).status, 403);
  });

  it('refuses a blank name or an unknown role, naming the input', async () => {
    const store = { putApiToken: async () => assert.fail('nothing is stored') };
    await assert.rejects(createApiToken(store, { name: '  ', role: 'read' }), (error: Error) => error instanceof SluiceError && /^token name "  ": use 1 to 64 printable characters/.test(error.message));
    await assert.rejects(createApiToken(store, { name: 'x', role: 'admin' as never }), /^SluiceError: token role "admin": use "read" \(GET routes\) or "operate"/);
  });
});
