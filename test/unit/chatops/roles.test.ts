import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChatopsConfigError, parseSlackRoles, roleOf } from '../../../lib/chatops/index.js';

describe('Slack user roles (SLACK_USER_ROLES)', () => {
  const roles = parseSlackRoles(JSON.stringify({ U0ALICE: 'operate', U0MALLORY: 'none', T0PARTNER: 'none', T0ACME: 'read', '*': 'read' }));

  it('takes the user entry first, then the workspace, then "*"', () => {
    assert.equal(roleOf(roles, { userId: 'U0ALICE', teamId: 'T0PARTNER' }), 'operate');
    assert.equal(roleOf(roles, { userId: 'U0BOB', teamId: 'T0ACME' }), 'read');
    assert.equal(roleOf(roles, { userId: 'U0BOB', teamId: 'T0OTHER' }), 'read');
  });

  it('lets "none" refuse a user or a workspace that "*" would let in', () => {
    assert.equal(roleOf(roles, { userId: 'U0MALLORY', teamId: 'T0ACME' }), undefined);
    assert.equal(roleOf(roles, { userId: 'U0CAROL', teamId: 'T0PARTNER' }), undefined);
  });

  it('refuses unknown users when there is no "*", and everyone when unset', () => {
    const strict = parseSlackRoles('{"U0ALICE":"operate"}');
    assert.equal(roleOf(strict, { userId: 'U0BOB' }), undefined);
    assert.equal(roleOf(parseSlackRoles(undefined), { userId: 'U0ALICE' }), undefined);
    assert.equal(roleOf(parseSlackRoles(''), { userId: 'U0ALICE' }), undefined);
  });

  it('does not mistake object built-ins for entries', () => {
    assert.equal(roleOf(parseSlackRoles('{"U0ALICE":"operate"}'), { userId: 'constructor', teamId: '__proto__' }), undefined);
  });

  it('names the variable and the key in every problem', () => {
    assert.throws(() => parseSlackRoles('{"U0ALICE":'), (e) => e instanceof ChatopsConfigError && /^SLACK_USER_ROLES: not valid JSON/.test(e.message));
    assert.throws(() => parseSlackRoles('["U0ALICE"]'), /^ChatopsConfigError: SLACK_USER_ROLES: must be a JSON object/);
    assert.throws(() => parseSlackRoles('{"U0ALICE":"admin"}'), /SLACK_USER_ROLES: "U0ALICE": "admin" is not a role; use "read", "operate" or "none"/);
  });
});
