import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { get, readToken, uiDeps } from './fixtures.js';

const pages = {
  'the app list': () => get(uiDeps(), '/ui', { token: readToken }),
  'an app': () => get(uiDeps(), '/ui/apps/web', { token: readToken }),
  'the sign-in page': () => get(uiDeps(), '/ui'),
  'a not-found page': () => get(uiDeps(), '/ui/apps/nope', { token: readToken }),
  'the sign-in redirect': () => get(uiDeps(), '/ui', { query: { token: readToken } }),
};

describe('status page security headers', () => {
  for (const [name, load] of Object.entries(pages)) {
    it(`sends no-sniff, no-referrer, no-store and a script-free policy on ${name}`, async () => {
      const { headers } = await load();
      assert.equal(headers['x-content-type-options'], 'nosniff');
      assert.equal(headers['referrer-policy'], 'no-referrer');
      assert.equal(headers['cache-control'], 'no-store');
      const policy = headers['content-security-policy'] ?? '';
      assert.match(policy, /default-src 'none'/);
      assert.match(policy, /frame-ancestors 'none'/);
      assert.doesNotMatch(policy, /script-src|unsafe-inline|unsafe-eval/);
    });
  }

  it('allows exactly the page\'s inline stylesheet, by its hash, and has no script', async () => {
    const { body, headers } = await get(uiDeps(), '/ui', { token: readToken });
    const style = /<style>([\s\S]*?)<\/style>/.exec(body)?.[1] ?? '';
    assert.ok(style.length > 100);
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    assert.match(headers['content-security-policy'] ?? '', new RegExp(`style-src 'sha256-${hash.replace(/[+/]/g, '\\$&')}'`));
    assert.doesNotMatch(body, /<script|\sstyle="|\son[a-z]+=/i);
  });
});
