import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseStatus } from '../../../lib/kube/status.js';

describe('parseStatus', () => {
  it('reads reason, message and causes of a Kubernetes Status', () => {
    const body = JSON.stringify({
      kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 422, reason: 'Invalid',
      message: 'Deployment.apps "web" is invalid: spec.selector: Invalid value: ...: field is immutable',
      details: { name: 'web', group: 'apps', kind: 'deployments', causes: [
        { reason: 'FieldValueInvalid', message: 'Invalid value: ...: field is immutable', field: 'spec.selector' },
      ] },
    });
    const status = parseStatus(422, body);
    assert.equal(status.code, 422);
    assert.equal(status.reason, 'Invalid');
    assert.match(status.message, /^Deployment.apps "web" is invalid/);
    assert.deepEqual(status.causes, [{ reason: 'FieldValueInvalid', message: 'Invalid value: ...: field is immutable', field: 'spec.selector' }]);
    assert.deepEqual(status.details, { name: 'web', group: 'apps', kind: 'deployments', retryAfterSeconds: undefined });
  });

  it('keeps a Status without details as having no causes', () => {
    const status = parseStatus(403, JSON.stringify({ kind: 'Status', code: 403, reason: 'Forbidden', message: 'nope' }));
    assert.deepEqual(status, { code: 403, reason: 'Forbidden', message: 'nope', causes: [], details: undefined });
  });

  it('uses the HTTP status when the Status has no code', () => {
    assert.equal(parseStatus(409, JSON.stringify({ kind: 'Status', reason: 'Conflict', message: 'x' })).code, 409);
  });

  it('keeps a plain-text answer from a proxy as the message, on one line and shortened', () => {
    const html = `<html>\n<body>${'Bad gateway '.repeat(100)}</body></html>`;
    const status = parseStatus(502, html);
    assert.equal(status.reason, '');
    assert.equal(status.code, 502);
    assert.ok(status.message.length <= 301);
    assert.ok(!status.message.includes('\n'));
    assert.ok(status.message.endsWith('…'));
  });

  it('treats JSON that is not a Status as text', () => {
    const status = parseStatus(404, '{"kind":"Pod"}');
    assert.equal(status.reason, '');
    assert.equal(status.message, '{"kind":"Pod"}');
  });

  it('ignores malformed causes instead of failing', () => {
    const status = parseStatus(422, JSON.stringify({ kind: 'Status', code: 422, reason: 'Invalid', message: 'm', details: { causes: ['x', { field: 'a' }] } }));
    assert.deepEqual(status.causes, [{ reason: undefined, message: '', field: 'a' }]);
  });
});
