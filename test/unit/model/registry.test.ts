import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { defaultProject, loadRegistry, withLastGood, type ConfigFile } from '../../../lib/model/index.js';

const fixtureDir = 'test/fixtures/apps';
const validFixtures: ConfigFile[] = readdirSync(fixtureDir)
  .filter((name) => name !== 'invalid.yaml')
  .map((name) => ({ path: `apps/${name}`, content: readFileSync(`${fixtureDir}/${name}`, 'utf8') }));

const app = (name: string, project = 'default') => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
spec:
  project: ${project}
  source:
    repoURL: https://github.com/example/apps.git
  destination:
    server: https://kubernetes.default.svc
`;

describe('loadRegistry', () => {
  it('loads a whole config repo, adding the built-in default project', () => {
    const registry = loadRegistry(validFixtures);
    assert.deepEqual(registry.applications.map((a) => a.name).sort(), ['guestbook', 'helm-guestbook', 'kustomize-guestbook', 'legacy']);
    assert.deepEqual(registry.projects.map((p) => p.name), ['default', 'team-a', 'platform']);
    assert.deepEqual(registry.projects[0], defaultProject());
    assert.ok(registry.warnings.length > 0 && registry.warnings.every((w) => w.file === 'apps/unsupported.yaml'));
  });

  it('lets the config repo redefine the default project, as Argo CD lets you edit it', () => {
    const locked = 'apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata:\n  name: default\nspec:\n  sourceRepos: []\n';
    const registry = loadRegistry([{ path: 'default.yaml', content: locked }, { path: 'web.yaml', content: app('web') }]);
    assert.deepEqual(registry.projects.map((p) => [p.name, p.sourceRepos]), [['default', []]]);
  });

  it('skips files that are not YAML or JSON', () => {
    const registry = loadRegistry([{ path: 'README.md', content: '# Apps\n' }, { path: 'web.yml', content: app('web') }]);
    assert.deepEqual(registry.applications.map((a) => a.name), ['web']);
    assert.deepEqual(registry.warnings, []);
  });

  it('leaves out the second of two same-named apps, pointing at both places, and keeps the first', () => {
    const registry = loadRegistry([{ path: 'a.yaml', content: app('web') }, { path: 'b.yaml', content: `# second\n${app('web')}` }]);
    assert.deepEqual(registry.applications.map((a) => a.name), ['web']);
    assert.equal(registry.files['Application/web'], 'a.yaml');
    assert.deepEqual(registry.errors.map((i) => [i.file, i.field]), [['b.yaml', 'metadata.name']]);
    assert.match(registry.errors[0]?.message ?? '', /^Application "web" is already defined in a\.yaml at line 4; .*unique.*\(line 5\)$/);
  });

  it('leaves out the second of two same-named projects', () => {
    const projectYaml = 'apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata:\n  name: team-a\n';
    const registry = loadRegistry([{ path: 'a.yaml', content: projectYaml }, { path: 'b.yaml', content: projectYaml }]);
    assert.deepEqual(registry.projects.map((p) => p.name), ['default', 'team-a']);
    assert.match(registry.errors[0]?.message ?? '', /AppProject "team-a" is already defined in a\.yaml/);
  });

  it('leaves out an app whose project does not exist, listing the projects that do', () => {
    const registry = loadRegistry([{ path: 'web.yaml', content: app('web', 'team-x') }, { path: 'api.yaml', content: app('api') }]);
    assert.deepEqual(registry.applications.map((a) => a.name), ['api']);
    assert.deepEqual(registry.broken.map((b) => [b.kind, b.name, b.file]), [['Application', 'web', 'web.yaml']]);
    assert.equal(registry.errors[0]?.field, 'spec.project');
    assert.match(registry.errors[0]?.message ?? '', /project "team-x", which is not defined; add an AppProject named "team-x" or use one of: default \(line 6\)$/);
  });

  it('reports the problems of every file at once and still loads every good app', () => {
    const registry = loadRegistry([
      { path: 'bad.yaml', content: readFileSync(`${fixtureDir}/invalid.yaml`, 'utf8') },
      { path: 'orphan.yaml', content: app('orphan', 'nowhere') },
      { path: 'web.yaml', content: app('web') },
    ]);
    assert.deepEqual(registry.applications.map((a) => a.name), ['web']);
    assert.deepEqual([...new Set(registry.errors.map((i) => i.file))], ['bad.yaml', 'orphan.yaml']);
    assert.deepEqual(registry.broken.map((b) => b.name).sort(), ['broken', 'orphan']);
  });

  it('treats a file that does not parse at all as broken, without naming an object', () => {
    const registry = loadRegistry([{ path: 'torn.yaml', content: 'kind: [unclosed\n' }, { path: 'web.yaml', content: app('web') }]);
    assert.deepEqual(registry.applications.map((a) => a.name), ['web']);
    assert.deepEqual(registry.broken.map((b) => [b.file, b.name]), [['torn.yaml', undefined]]);
  });
});

describe('withLastGood', () => {
  const good = loadRegistry([{ path: 'web.yaml', content: app('web') }, { path: 'api.yaml', content: app('api') }]);

  it('keeps the last good definition of an app that is broken at this revision', () => {
    const now = loadRegistry([{ path: 'web.yaml', content: app('web', 'team-x') }, { path: 'api.yaml', content: app('api') }]);
    const inForce = withLastGood(now, good);
    assert.deepEqual(inForce.applications.map((a) => a.name).sort(), ['api', 'web']);
    assert.deepEqual(inForce.staleApps, ['web']);
    assert.equal(inForce.files['Application/web'], 'web.yaml');
  });

  it('keeps the apps of a file that no longer parses, matched by file', () => {
    const inForce = withLastGood(loadRegistry([{ path: 'web.yaml', content: '{' }, { path: 'api.yaml', content: app('api') }]), good);
    assert.deepEqual(inForce.staleApps, ['web']);
  });

  it('drops an app that left the config repo: only a broken one is kept', () => {
    const inForce = withLastGood(loadRegistry([{ path: 'api.yaml', content: app('api') }]), good);
    assert.deepEqual(inForce.applications.map((a) => a.name), ['api']);
    assert.deepEqual(inForce.staleApps, []);
  });
});
