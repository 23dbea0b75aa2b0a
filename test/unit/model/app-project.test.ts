import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { SpecError, parseAppProject, parseManifests, type SpecIssue } from '../../../lib/model/index.js';

const file = 'projects/team-a.yaml';

function project(spec: Record<string, unknown>) {
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'team-a' }, spec };
}

const window = { kind: 'deny', schedule: '0 22 * * *', duration: '1h', applications: ['*'] };

function errorsOf(document: unknown): SpecIssue[] {
  try {
    parseManifests(stringify(document), file);
  } catch (error) {
    assert.ok(error instanceof SpecError, String(error));
    return error.issues;
  }
  return assert.fail('expected a SpecError');
}

describe('parseAppProject', () => {
  it('reads the team projects fixture, windows included', () => {
    const path = 'test/fixtures/apps/projects.yaml';
    const { projects, warnings } = parseManifests(readFileSync(path, 'utf8'), path);
    assert.deepEqual(warnings, []);
    assert.deepEqual(projects.map((p) => p.name), ['team-a', 'platform']);
    const [teamA] = projects;
    assert.deepEqual(teamA?.sourceRepos, ['https://github.com/example/*', 'git@github.com:example/*', '!https://github.com/example/sandbox']);
    assert.deepEqual(teamA?.destinations[0], { name: 'prod-eu', namespace: 'team-a-*' });
    assert.deepEqual(teamA?.clusterResourceWhitelist, [{ group: '', kind: 'Namespace' }]);
    assert.deepEqual(teamA?.namespaceResourceWhitelist, []);
    assert.deepEqual(teamA?.syncWindows, [
      { kind: 'allow', schedule: '0 8 * * 1-5', duration: '10h', applications: ['*'], namespaces: [], clusters: [], manualSync: false, timeZone: 'Europe/Amsterdam' },
      { kind: 'deny', schedule: '0 12 * * *', duration: '1h', applications: [], namespaces: ['team-a-*'], clusters: [], manualSync: true },
    ]);
  });

  it('gives an empty project nothing: no repos, destinations or cluster kinds', () => {
    const { project: parsed } = parseAppProject({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'locked' } }, file);
    assert.deepEqual(parsed, {
      name: 'locked', sourceRepos: [], destinations: [], clusterResourceWhitelist: [], clusterResourceBlacklist: [],
      namespaceResourceWhitelist: [], namespaceResourceBlacklist: [], syncWindows: [],
    });
  });

  it('reads andOperator on a sync window', () => {
    const { project: parsed } = parseAppProject(project({ syncWindows: [{ ...window, namespaces: ['prod'], andOperator: true }] }), file);
    assert.equal(parsed.syncWindows[0]?.andOperator, true);
  });

  it('warns about project features Sluice does not implement', () => {
    const { warnings } = parseAppProject(project({
      roles: [{ name: 'ci', policies: ['p, proj:team-a:ci, applications, sync, team-a/*, allow'] }],
      orphanedResources: { warn: true },
      sourceNamespaces: ['team-a'],
      syncWindows: [{ ...window, syncOverrun: true }],
      signatureKeys: [],
      permitOnlyProjectScopedClusters: false,
    }), file);
    assert.deepEqual(warnings.map((w) => w.field).sort(), ['spec.orphanedResources', 'spec.roles', 'spec.sourceNamespaces', 'spec.syncWindows[0].syncOverrun']);
    assert.ok(warnings.every((w) => w.message.startsWith('not supported by Sluice yet; ignored')));
  });

  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['spec.signatureKeys', { signatureKeys: [{ keyID: '4AEE18F83AFDEB23' }] }, /signature verification is not supported/],
    ['spec.permitOnlyProjectScopedClusters', { permitOnlyProjectScopedClusters: true }, /project-scoped clusters are not supported/],
    ['spec.sourceRepos[0]', { sourceRepos: ['!*'] }, /"!\*" denies everything/],
    ['spec.sourceRepos', { sourceRepos: 'https://github.com/example/*' }, /expected a list, got a string/],
    ['spec.destinations[0]', { destinations: [{ namespace: 'web' }] }, /set server or name/],
    ['spec.destinations[0].namespace', { destinations: [{ server: '*', namespace: '!*' }] }, /denies everything/],
    ['spec.clusterResourceWhitelist[0].kind', { clusterResourceWhitelist: [{ group: '' }] }, /^required: expected a string/],
    ['spec.syncWindows[0].kind', { syncWindows: [{ ...window, kind: 'block' }] }, /^expected one of "allow", "deny", got "block"/],
    ['spec.syncWindows[0].schedule', { syncWindows: [{ ...window, schedule: '0 0 22 * * *' }] }, /five-field cron schedule/],
    ['spec.syncWindows[0].schedule', { syncWindows: [{ ...window, schedule: '@daily' }] }, /five-field cron schedule/],
    ['spec.syncWindows[0].schedule', { syncWindows: [{ ...window, schedule: '61 * * * *' }] }, /invalid cron schedule/],
    ['spec.syncWindows[0].duration', { syncWindows: [{ ...window, duration: '60' }] }, /positive duration/],
    ['spec.syncWindows[0].duration', { syncWindows: [{ ...window, duration: '0s' }] }, /positive duration/],
    ['spec.syncWindows[0].timeZone', { syncWindows: [{ ...window, timeZone: 'Mars/Olympus' }] }, /IANA time zone/],
    ['spec.syncWindows[0]', { syncWindows: [{ kind: 'allow', schedule: '0 8 * * *', duration: '1h' }] }, /at least one of applications, namespaces or clusters/],
    ['spec.syncWindows[0].manualSync', { syncWindows: [{ ...window, manualSync: 'true' }] }, /expected true or false, got a string/],
  ];
  for (const [field, spec, message] of cases) {
    it(`rejects a bad ${field}, naming field and line`, () => {
      const issues = errorsOf(project(spec));
      const issue = issues.find((i) => i.field === field);
      assert.ok(issue, `no issue for ${field} in ${JSON.stringify(issues)}`);
      assert.equal(issue.file, file);
      assert.match(issue.message, message);
      assert.match(issue.message, /\(line \d+\)$/);
    });
  }
});
