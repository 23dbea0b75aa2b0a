import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applicationsPolicy, parseApplicationSet } from '../../../lib/applicationset/index.js';
import { SpecError } from '../../../lib/model/index.js';
import { appSet, template } from './context.js';

const issuesOf = (input: unknown) => {
  try {
    parseApplicationSet(input, 'appsets.yaml');
  } catch (error) {
    if (error instanceof SpecError) return error.issues.map((i) => `${i.field}: ${i.message}`);
    throw error;
  }
  return [];
};

describe('parseApplicationSet', () => {
  it('reads generators, template, goTemplate options and syncPolicy with defaults', () => {
    const { applicationSet } = parseApplicationSet(appSet({ template, generators: [{ list: { elements: [] } }] }), 'appsets.yaml');
    assert.equal(applicationSet.goTemplate, false);
    assert.deepEqual(applicationSet.syncPolicy, { preserveResourcesOnDeletion: false, applicationsSync: 'sync' });
  });

  it('names each problem: an unsupported generator, two in one entry, a bad option, templatePatch without goTemplate', () => {
    const issues = issuesOf(appSet({
      template, goTemplateOptions: ['missingkey=explode'], templatePatch: 'spec: {}',
      generators: [{ pullRequest: {} }, { list: { elements: [] }, clusters: {} }, { git: { repoURL: 'https://x' } }, { matrix: { generators: [{ list: { elements: [] } }] } }],
    }));
    assert.deepEqual(issues.sort(), [
      'spec.generators[0].pullRequest: the pullRequest generator is not supported by Sluice yet; use list, clusters, git, matrix or merge',
      'spec.generators[1].clusters: one generator per entry; found list and clusters (list them as separate entries)',
      'spec.generators[2].git: set directories or files: the paths of the repository to generate from',
      'spec.generators[3].matrix.generators: needs at least two generators',
      'spec.goTemplateOptions[0]: expected missingkey=default, missingkey=invalid, missingkey=zero or missingkey=error',
      'spec.templatePatch: templatePatch needs goTemplate: true (Argo CD renders it as a Go template)',
    ].sort());
  });

  it('warns about fields Sluice does not support and loads the rest', () => {
    const { warnings } = parseApplicationSet(appSet({ template, generators: [{ list: { elements: [] } }], strategy: { type: 'RollingSync' } }), 'appsets.yaml');
    assert.match(warnings.map((w) => `${w.field}: ${w.message}`).join('\n'), /spec\.strategy: not supported by Sluice yet; ignored/);
  });
});

describe('applicationsSync', () => {
  const policy = (mode: string, complete = true, preserve = false) =>
    applicationsPolicy(parseApplicationSet(appSet({ template, generators: [{ list: { elements: [] } }], syncPolicy: { applicationsSync: mode, preserveResourcesOnDeletion: preserve } }), 'a').applicationSet, complete);

  it('create-only neither updates nor deletes; create-update updates; create-delete deletes; sync does both', () => {
    assert.deepEqual([policy('create-only'), policy('create-update'), policy('create-delete'), policy('sync')].map((p) => [p.update, p.delete]),
      [[false, false], [true, false], [false, true], [true, true]]);
  });

  it('never deletes after an incomplete generation, and preserveResourcesOnDeletion deletes without cascade', () => {
    assert.equal(policy('sync', false).delete, false);
    assert.equal(policy('sync', true, true).cascade, false);
  });
});
