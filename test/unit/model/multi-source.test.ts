import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { joinRevisions, parseManifests, revisionsOf, SpecError, targetRevisionOf, type SpecIssue } from '../../../lib/model/index.js';

const file = 'apps/web.yaml';
const chartSource = { repoURL: 'https://git.example.com/acme/charts.git', targetRevision: 'main', path: 'web', helm: { valueFiles: ['$values/envs/prod.yaml'] } };
const valuesSource = { repoURL: 'https://git.example.com/acme/values.git', targetRevision: 'v2', ref: 'values' };

function application(spec: Record<string, unknown>) {
  return {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'web' },
    spec: { destination: { name: 'prod', namespace: 'web' }, ...spec },
  };
}

function errorsOf(document: unknown): SpecIssue[] {
  try {
    parseManifests(stringify(document), file);
  } catch (error) {
    assert.ok(error instanceof SpecError, String(error));
    return error.issues;
  }
  return assert.fail('expected a SpecError');
}

describe('multi-source applications (spec.sources)', () => {
  it('parses every source in order, a ref source without a path providing files only', () => {
    const { applications, warnings } = parseManifests(stringify(application({ sources: [chartSource, valuesSource] })), file);
    const app = applications[0]!;
    assert.deepEqual(warnings, []);
    assert.equal(app.sources?.length, 2);
    assert.equal(app.source.repoURL, chartSource.repoURL, 'source is the first, as Argo CD GetSource');
    assert.deepEqual(app.sources?.map((s) => [s.repoURL, s.path, s.ref, s.refOnly]), [
      [chartSource.repoURL, 'web', undefined, undefined], [valuesSource.repoURL, '.', 'values', true],
    ]);
    assert.equal(targetRevisionOf(app), 'main,v2');
  });

  it('renders a ref source that also has a path (it is not ref-only)', () => {
    const { applications } = parseManifests(stringify(application({ sources: [chartSource, { ...valuesSource, path: 'manifests' }] })), file);
    assert.deepEqual(applications[0]?.sources?.map((s) => s.refOnly === true), [false, false]);
  });

  it('keeps a single-source app exactly as it was: no sources, its own targetRevision', () => {
    const { applications } = parseManifests(stringify(application({ source: { repoURL: chartSource.repoURL, path: 'web' } })), file);
    assert.equal(applications[0]?.sources, undefined);
    assert.equal(targetRevisionOf(applications[0]!), 'HEAD');
  });

  it('syncs spec.sources and warns that spec.source beside it is ignored, as Argo CD', () => {
    const { applications, warnings } = parseManifests(stringify(application({ source: { repoURL: 'https://git.example.com/acme/old.git' }, sources: [chartSource, valuesSource] })), file);
    assert.equal(applications[0]?.source.repoURL, chartSource.repoURL);
    assert.equal(warnings[0]?.field, 'spec.source');
    assert.match(warnings[0]?.message ?? '', /ignored because spec\.sources is set/);
  });

  it('refuses a value file naming a ref no source has, listing the refs', () => {
    const issues = errorsOf(application({ sources: [{ ...chartSource, helm: { valueFiles: ['$vals/envs/prod.yaml'] } }, valuesSource] }));
    assert.equal(issues[0]?.field, 'spec.sources[0].helm.valueFiles[0]');
    assert.match(issues[0]?.message ?? '', /names \$vals, but no source has ref: vals; the refs are \$values/);
  });

  it('refuses a value file naming the root of a ref, not a file', () => {
    const issues = errorsOf(application({ sources: [{ ...chartSource, helm: { valueFiles: ['$values'] } }, valuesSource] }));
    assert.match(issues[0]?.message ?? '', /names the root of \$values, not a file/);
  });

  it('refuses two sources with one ref, and a ref that is not a plain name', () => {
    const twice = errorsOf(application({ sources: [chartSource, valuesSource, { ...valuesSource, repoURL: 'https://git.example.com/acme/other.git' }] }));
    assert.equal(twice[0]?.field, 'spec.sources[2].ref');
    assert.match(twice[0]?.message ?? '', /also the ref of spec\.sources\[1\]/);
    const odd = errorsOf(application({ sources: [chartSource, { ...valuesSource, ref: '../x' }] }));
    assert.equal(odd[0]?.field, 'spec.sources[1].ref');
  });

  it('refuses sources that are all ref sources without a path: nothing would render', () => {
    const issues = errorsOf(application({ sources: [valuesSource] }));
    assert.match(issues.map((i) => i.message).join('\n'), /every source is a ref source without a path/);
  });

  it('refuses an app with neither spec.source nor spec.sources', () => {
    assert.match(errorsOf(application({ sources: [] }))[0]?.message ?? '', /set the app's source: spec\.source, or spec\.sources/);
  });

  it('refuses a plugin in any source, naming the app alone', () => {
    const issues = errorsOf(application({ sources: [{ ...chartSource, helm: undefined, plugin: { name: 'sops', env: [{ name: 'KEY', value: 's3cr3t' }] } }, valuesSource] }));
    const plugin = issues.find((i) => i.field === 'spec.sources[0].plugin');
    assert.match(plugin?.message ?? '', /^Application "web" uses a config management plugin/);
    assert.doesNotMatch(JSON.stringify(issues), /s3cr3t|sops/);
  });

  it('joins and splits per-source revisions', () => {
    const [a, b] = ['a'.repeat(40), 'b'.repeat(40)];
    assert.equal(joinRevisions([a, b]), `${a},${b}`);
    assert.deepEqual(revisionsOf(`${a},${b}`, 2), [a, b]);
    assert.equal(revisionsOf(a, 2), undefined);
    assert.equal(revisionsOf(`${a},`, 2), undefined);
  });
});
