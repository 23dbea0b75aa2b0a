import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultProject, type Application, type AppProject } from '../../../lib/model/index.js';
import type { RegistrySnapshot } from '../../../lib/store/index.js';
import { planChildren, type ChildrenRequest } from '../../../lib/worker/register-children.js';
import { application } from '../notify/fixtures.js';

const root = { kind: 'Application' as const, name: 'root' };
const child = (name: string, overrides: Partial<Application> = {}): Application => ({ ...application(name), ...overrides });
const snapshot = (applications: Application[], projects: AppProject[] = [defaultProject()]): RegistrySnapshot => ({ revision: 'c'.repeat(40), applications, projects, warnings: [] });
const request = (applications: Application[], overrides: Partial<ChildrenRequest> = {}): ChildrenRequest => ({
  parent: root, project: defaultProject(), applications, removedBecause: 'removed from the render of root', trigger: { kind: 'test' }, ...overrides,
});

describe('registering the children of an app of apps', () => {
  it('adds new children with their parent, and leaves the other apps as they are', () => {
    const plan = planChildren(snapshot([application('root'), application('other')]), request([child('a'), child('b')]));
    assert.deepEqual(plan.added.map((a) => [a.name, a.parent]), [['a', root], ['b', root]]);
    assert.deepEqual(plan.applications.map((a) => a.name), ['root', 'other', 'a', 'b']);
    assert.deepEqual(plan.refused, []);
  });

  it('tells changed children from unchanged ones', () => {
    const registered = snapshot([application('root'), { ...child('a'), parent: root }, { ...child('b'), parent: root }]);
    const plan = planChildren(registered, request([child('a'), child('b', { labels: { tier: 'web' } })]));
    assert.deepEqual(plan.unchanged, ['a']);
    assert.deepEqual(plan.updated.map((a) => a.name), ['b']);
  });

  it('keeps the definition of registered children when told not to update (create-only)', () => {
    const registered = snapshot([application('root'), { ...child('b'), parent: root }]);
    const plan = planChildren(registered, request([child('b', { labels: { tier: 'web' } })], { update: false }));
    assert.deepEqual(plan.unchanged, ['b']);
    assert.deepEqual(plan.applications.find((a) => a.name === 'b')?.labels, {});
  });

  it('finds the children the parent no longer declares, and only its own', () => {
    const registered = snapshot([application('root'), { ...child('a'), parent: root }, { ...child('x'), parent: { kind: 'Application', name: 'elsewhere' } }]);
    assert.deepEqual(planChildren(registered, request([])).gone.map((a) => a.name), ['a']);
    assert.deepEqual(planChildren(registered, request([], { delete: false })).gone, []);
  });

  it('refuses an app that renders itself', () => {
    const plan = planChildren(snapshot([application('root')]), request([child('root')]));
    assert.equal(plan.refused.length, 1);
    assert.match(plan.refused[0]!.message, /Application "root" renders itself/);
  });

  it('refuses a child that is an app above its parent (a loop), naming the chain', () => {
    const registered = snapshot([application('top'), { ...child('root'), parent: { kind: 'Application', name: 'top' } }]);
    const plan = planChildren(registered, request([child('top')]));
    assert.match(plan.refused[0]!.message, /\(top → root → top\): a loop/);
  });

  it('refuses a child with the name of an app of the config repo: the config repo wins', () => {
    const plan = planChildren(snapshot([application('root'), application('db')]), request([child('db')]));
    assert.match(plan.refused[0]!.message, /Application "db" is defined in the config repo; a child cannot replace it/);
    assert.equal(plan.applications.find((a) => a.name === 'db')?.parent, undefined);
  });

  it('refuses a child another parent already has', () => {
    const registered = snapshot([application('root'), { ...child('db'), parent: { kind: 'ApplicationSet', name: 'fleet' } }]);
    assert.match(planChildren(registered, request([child('db')])).refused[0]!.message, /already a child of ApplicationSet "fleet"/);
  });

  it('keeps the last definition of a registered child that is now refused, and does not delete it', () => {
    const team: AppProject = { ...defaultProject(), name: 'team', sourceRepos: ['https://github.com/acme/*'] };
    const registered = snapshot([application('root', 'https://github.com/acme/root.git'), { ...child('a'), parent: root, project: 'team' }], [defaultProject(), team]);
    const plan = planChildren(registered, request([child('a', { project: 'other' })], { project: team }));
    assert.equal(plan.refused.length, 1);
    assert.deepEqual(plan.gone, []);
    assert.equal(plan.applications.find((a) => a.name === 'a')?.project, 'team');
  });

  it('registers child projects, and refuses one with the name of a config repo project', () => {
    const registered = snapshot([application('root')], [defaultProject(), { ...defaultProject(), name: 'platform' }]);
    const plan = planChildren(registered, request([], { projects: [{ ...defaultProject(), name: 'team-a' }, { ...defaultProject(), name: 'platform' }] }));
    assert.deepEqual(plan.projects.map((p) => [p.name, p.parent?.name]), [['default', undefined], ['platform', undefined], ['team-a', 'root']]);
    assert.match(plan.refused[0]!.message, /AppProject "platform" is defined in the config repo/);
  });
});
