import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { warningsOf } from '../../../lib/kube/transport.js';

describe('warningsOf', () => {
  it('reads each Warning header separately, even when texts contain commas', () => {
    assert.deepEqual(warningsOf([
      'Content-Type', 'application/json',
      'Warning', '299 - "policy/v1beta1 PodSecurityPolicy is deprecated in v1.21+, unavailable in v1.25+"',
      'warning', '299 - "unknown field \\"spec.foo\\""',
    ]), ['policy/v1beta1 PodSecurityPolicy is deprecated in v1.21+, unavailable in v1.25+', 'unknown field "spec.foo"']);
  });

  it('keeps a warning that is not in the standard format as it is', () => {
    assert.deepEqual(warningsOf(['Warning', 'something odd']), ['something odd']);
  });
});
