import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppProject, SyncWindow } from '../../../lib/model/index.js';
import { isWindowActive, syncWindowState } from '../../../lib/policy/index.js';

const app = { name: 'web-prod', destination: { name: 'prod-eu', namespace: 'web' } };
const cluster = { name: 'prod-eu', server: 'https://prod-eu.k8s.example.com' };

function window(patch: Partial<SyncWindow>): SyncWindow {
  return { kind: 'deny', schedule: '0 22 * * *', duration: '1h', applications: ['*'], namespaces: [], clusters: [], manualSync: false, ...patch };
}

function project(...syncWindows: SyncWindow[]): AppProject {
  return {
    name: 'team-a', sourceRepos: ['*'], destinations: [], clusterResourceWhitelist: [], clusterResourceBlacklist: [],
    namespaceResourceWhitelist: [], namespaceResourceBlacklist: [], syncWindows,
  };
}

const at = (iso: string) => new Date(iso);
const state = (p: AppProject, iso: string, manual = false) => syncWindowState(p, app, cluster, at(iso), manual);

describe('sync windows', () => {
  it('allow everything when no window matches the app', () => {
    assert.deepEqual(state(project(), '2024-03-01T22:30:00Z'), { allowed: true });
    assert.deepEqual(state(project(window({ applications: ['billing-*'] })), '2024-03-01T22:30:00Z'), { allowed: true });
  });

  it('block while a deny window is active, saying until when', () => {
    assert.deepEqual(state(project(window({})), '2024-03-01T22:30:00Z'), {
      allowed: false, reason: 'blocked by deny window "0 22 * * *" (1h, UTC) until 2024-03-01T23:00:00.000Z',
    });
  });

  it('open and close a window exactly at its start and end', () => {
    const deny = window({});
    assert.equal(isWindowActive(deny, at('2024-03-01T21:59:59.999Z')), false);
    assert.equal(isWindowActive(deny, at('2024-03-01T22:00:00Z')), true);
    assert.equal(isWindowActive(deny, at('2024-03-01T22:59:59.999Z')), true);
    assert.equal(isWindowActive(deny, at('2024-03-01T23:00:00Z')), false);
  });

  it('keep a window that crosses midnight active the next morning', () => {
    const night = window({ duration: '8h' });
    assert.equal(isWindowActive(night, at('2024-03-02T05:59:00Z')), true);
    assert.equal(isWindowActive(night, at('2024-03-02T06:00:00Z')), false);
  });

  it('read schedules in the window time zone', () => {
    // 22:00 in Amsterdam is 21:00 UTC in winter (UTC+1) and 20:00 UTC in summer (UTC+2).
    const amsterdam = window({ timeZone: 'Europe/Amsterdam' });
    assert.equal(isWindowActive(amsterdam, at('2024-03-01T21:30:00Z')), true);
    assert.equal(isWindowActive(amsterdam, at('2024-03-01T22:30:00Z')), false);
    assert.equal(isWindowActive(amsterdam, at('2024-07-01T20:30:00Z')), true);
    assert.equal(isWindowActive(amsterdam, at('2024-07-01T21:30:00Z')), false);
  });

  it('block outside every matching allow window, naming the next opening', () => {
    const officeHours = window({ kind: 'allow', schedule: '0 8 * * 1-5', duration: '10h' });
    // 2024-03-02 is a Saturday.
    assert.deepEqual(state(project(officeHours), '2024-03-02T12:00:00Z'), {
      allowed: false, reason: 'no allow window is open; the next opens at 2024-03-04T08:00:00.000Z',
    });
    assert.deepEqual(state(project(officeHours), '2024-03-01T12:00:00Z'), { allowed: true });
  });

  it('let an active allow window through even when another allow window is closed', () => {
    const morning = window({ kind: 'allow', schedule: '0 8 * * *', duration: '1h' });
    const evening = window({ kind: 'allow', schedule: '0 20 * * *', duration: '1h' });
    assert.equal(state(project(morning, evening), '2024-03-01T20:30:00Z').allowed, true);
  });

  it('let a deny window win over an active allow window', () => {
    const allowAll = window({ kind: 'allow', schedule: '0 0 * * *', duration: '24h' });
    assert.equal(state(project(allowAll, window({})), '2024-03-01T22:30:00Z').allowed, false);
    assert.equal(state(project(allowAll, window({})), '2024-03-01T12:00:00Z').allowed, true);
  });

  it('let a manual sync through a deny window only if it allows manual sync', () => {
    const manualOk = window({ manualSync: true });
    assert.deepEqual(state(project(manualOk), '2024-03-01T22:30:00Z', true), {
      allowed: true, reason: 'manual sync permitted during deny window "0 22 * * *" (1h, UTC) (manualSync: true)',
    });
    assert.equal(state(project(manualOk), '2024-03-01T22:30:00Z', false).allowed, false, 'automated sync stays blocked');
    assert.equal(state(project(window({})), '2024-03-01T22:30:00Z', true).allowed, false);
  });

  it('block a manual sync when any active deny window forbids it', () => {
    const strict = window({ schedule: '30 22 * * *' });
    assert.equal(state(project(window({ manualSync: true }), strict), '2024-03-01T22:45:00Z', true).allowed, false);
  });

  it('let a manual sync through outside allow windows when they all allow manual sync', () => {
    const officeHours = window({ kind: 'allow', schedule: '0 8 * * 1-5', duration: '10h', manualSync: true });
    assert.equal(state(project(officeHours), '2024-03-02T12:00:00Z', true).allowed, true);
    assert.equal(state(project(officeHours), '2024-03-02T12:00:00Z', false).allowed, false);
    const strictToo = window({ kind: 'allow', schedule: '0 6 * * 1-5', duration: '1h' });
    assert.equal(state(project(officeHours, strictToo), '2024-03-02T12:00:00Z', true).allowed, false);
  });

  it('match windows by namespace and by cluster name or server', () => {
    const byNamespace = window({ applications: [], namespaces: ['web'] });
    const byClusterName = window({ applications: [], clusters: ['prod-*'] });
    const byServer = window({ applications: [], clusters: ['https://prod-eu.*'] });
    const elsewhere = window({ applications: [], namespaces: ['billing'], clusters: ['dev'] });
    for (const matching of [byNamespace, byClusterName, byServer]) assert.equal(state(project(matching), '2024-03-01T22:30:00Z').allowed, false);
    assert.equal(state(project(elsewhere), '2024-03-01T22:30:00Z').allowed, true);
  });

  it('require every selector to match with andOperator', () => {
    const both = window({ applications: ['web-*'], namespaces: ['billing'], andOperator: true });
    const either = window({ applications: ['web-*'], namespaces: ['billing'] });
    assert.equal(state(project(both), '2024-03-01T22:30:00Z').allowed, true);
    assert.equal(state(project(either), '2024-03-01T22:30:00Z').allowed, false);
    assert.equal(state(project({ ...both, namespaces: ['web'] }), '2024-03-01T22:30:00Z').allowed, false);
  });
});
