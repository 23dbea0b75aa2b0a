import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuantity, quantitiesEqual } from '../../../lib/diff/index.js';

describe('resource quantities', () => {
  it('treats different spellings of one value as equal', () => {
    const equal: [unknown, unknown][] = [
      ['500m', '0.5'], ['500m', 0.5], ['1', 1], ['1000m', '1'], ['1Gi', '1024Mi'], ['1Ki', '1024'], ['1k', '1000'],
      ['1e3', '1k'], ['1E3', '1000'], ['1.5Gi', '1536Mi'], ['100M', '1e8'], ['0.1', '100m'], ['.5', '500m'], ['1E', '1e18'],
      ['250000n', '250u'], ['+1', '1'], ['0', '0m'],
    ];
    for (const [a, b] of equal) assert.equal(quantitiesEqual(a, b), true, `${String(a)} = ${String(b)}`);
  });

  it('tells different values apart, exactly', () => {
    const different: [unknown, unknown][] = [['1Gi', '1G'], ['500m', '0.51'], ['1', '1001m'], ['1Mi', '1000Ki'], ['0.1', '0.1000000001']];
    for (const [a, b] of different) assert.equal(quantitiesEqual(a, b), false, `${String(a)} ≠ ${String(b)}`);
  });

  it('rejects what is not a quantity', () => {
    for (const value of ['', 'abc', '1Gb', '1 Gi', '1e999', 'Gi', '1.2.3', null, true, {}]) {
      assert.equal(parseQuantity(value), undefined, JSON.stringify(value));
    }
    assert.equal(quantitiesEqual('abc', 'abc'), false);
  });
});
