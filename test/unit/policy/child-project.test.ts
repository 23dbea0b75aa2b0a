import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultProject, type AppProject } from '../../../lib/model/index.js';
import { childProjectRefusal } from '../../../lib/policy/index.js';
import { application } from '../notify/fixtures.js';

const project = (name: string, overrides: Partial<AppProject> = {}): AppProject => ({
  ...defaultProject(), name, sourceRepos: ['https://github.com/acme/*'], destinations: [{ name: 'in-cluster', namespace: 'team-*' }],
  clusterResourceWhitelist: [], namespaceResourceWhitelist: [], ...overrides,
});
const team = project('team');
const child = (projectName: string) => ({ ...application('team-web', 'https://github.com/acme/web.git'), project: projectName, destination: { name: 'in-cluster', namespace: 'team-web' } });
const cluster = { name: 'in-cluster', server: 'https://kubernetes.default.svc' };

describe('a child app and its parent\'s AppProject', () => {
  it('may use its parent\'s project', () => {
    assert.equal(childProjectRefusal(child('team'), team, team, cluster), undefined);
  });

  it('may use another project no wider than its parent\'s', () => {
    const narrower = project('team-web', { sourceRepos: ['https://github.com/acme/web.git'], destinations: [{ name: 'in-cluster', namespace: 'team-web' }] });
    assert.equal(childProjectRefusal(child('team-web'), narrower, team, cluster), undefined);
  });

  it('may not name a repository outside its parent\'s sourceRepos in any of its sources (multi-source)', () => {
    const base = child('team-web');
    const multi = { ...base, sources: [base.source, { ...base.source, repoURL: 'https://github.com/evil/values.git', path: '.', ref: 'values', refOnly: true }] };
    const wide = project('team-web', { sourceRepos: ['*'], destinations: [{ name: 'in-cluster', namespace: 'team-web' }] });
    assert.match(childProjectRefusal(multi, wide, team, cluster) ?? '', /its repoURL https:\/\/github\.com\/evil\/values\.git is not in the sourceRepos of "team"/);
  });

  it('may not use a project that is not defined', () => {
    assert.match(childProjectRefusal(child('ghost'), undefined, team, cluster) ?? '', /names project "ghost", which is not defined; use its parent's project "team"/);
  });

  it('may not escape through a project with wider repos, destinations or kinds', () => {
    const message = childProjectRefusal(child('default'), defaultProject(), team, cluster) ?? '';
    assert.match(message, /would let it escape its parent's project "team"/);
    assert.match(message, /sourceRepos allows \*/);
    assert.match(message, /destinations allows/);
    assert.match(message, /clusterResourceWhitelist allows \*\/\*/);
  });

  it('may not deploy a repo or a namespace its parent\'s project does not allow, even through a narrow project', () => {
    const other = { ...child('team-web'), source: { ...child('team-web').source, repoURL: 'https://github.com/evil/x.git' }, destination: { name: 'in-cluster', namespace: 'kube-system' } };
    const message = childProjectRefusal(other, project('team-web', { sourceRepos: ['https://github.com/evil/x.git'], destinations: [{ name: 'in-cluster', namespace: 'kube-system' }] }), team, cluster) ?? '';
    assert.match(message, /its repoURL https:\/\/github.com\/evil\/x.git is not in the sourceRepos of "team"/);
    assert.match(message, /its destination in-cluster\/kube-system is not in the destinations of "team"/);
  });

  it('may not drop a kind its parent\'s project denies', () => {
    const strict = project('team', { namespaceResourceBlacklist: [{ group: '', kind: 'Secret' }] });
    assert.match(childProjectRefusal(child('loose'), project('loose'), strict, cluster) ?? '', /namespaceResourceBlacklist does not deny core\/Secret/);
  });
});
