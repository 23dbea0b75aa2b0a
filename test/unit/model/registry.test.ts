import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { SpecError, defaultProject, loadRegistry, type ConfigFile } from '../../../lib/model/index.js';

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

function specErrorOf(files: ConfigFile[]): SpecError {
  try {
    loadRegistry(files);
  } catch (error) {
    assert.ok(error instanceof SpecError, String(error));
    return error;
  }
  return assert.fail('expected a SpecError');
}

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

  it('rejects an app name defined twice, pointing at both places', () => {
    const error = specErrorOf([{ path: 'a.yaml', content: app('web') }, { path: 'b.yaml', content: `# second\n${app('web')}` }]);
    assert.deepEqual(error.issues.map((i) => [i.file, i.field]), [['b.yaml', 'metadata.name']]);
    assert.match(error.issues[0]?.message ?? '', /^Application "web" is already defined in a\.yaml at line 4; .*unique.*\(line 5\)$/);
  });

  it('rejects a project name defined twice', () => {
    const projectYaml = 'apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata:\n  name: team-a\n';
    const error = specErrorOf([{ path: 'a.yaml', content: projectYaml }, { path: 'b.yaml', content: projectYaml }]);
    assert.match(error.issues[0]?.message ?? '', /AppProject "team-a" is already defined in a\.yaml/);
  });

  it('rejects an app whose project does not exist, listing the projects that do', () => {
    const error = specErrorOf([{ path: 'web.yaml', content: app('web', 'team-x') }]);
    assert.equal(error.issues[0]?.field, 'spec.project');
    assert.match(error.issues[0]?.message ?? '', /project "team-x", which is not defined; add an AppProject named "team-x" or use one of: default \(line 6\)$/);
  });

  it('reports problems of every file at once, so a bad push changes nothing', () => {
    const error = specErrorOf([
      { path: 'bad.yaml', content: readFileSync(`${fixtureDir}/invalid.yaml`, 'utf8') },
      { path: 'orphan.yaml', content: app('orphan', 'nowhere') },
    ]);
    assert.deepEqual([...new Set(error.issues.map((i) => i.file))], ['bad.yaml', 'orphan.yaml']);
  });
});
