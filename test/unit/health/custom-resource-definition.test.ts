import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

const crd = (...conditions: Array<Record<string, string>>) =>
  live('apiextensions.k8s.io/v1', 'CustomResourceDefinition', { status: { conditions } }, { name: 'widgets.example.com', namespace: undefined });

describe('CustomResourceDefinition health', () => {
  it('is Healthy once Established', () => {
    assert.deepEqual(assessHealth(crd(condition('NamesAccepted', 'True'), condition('Established', 'True'))), { status: 'Healthy', message: 'CRD is healthy' });
  });

  it('is Progressing before the API server reports any condition', () => {
    assert.deepEqual(assessHealth(crd()), { status: 'Progressing', message: 'Status conditions not found' });
  });

  it('is Progressing while names are accepted but it is not yet Established', () => {
    assert.deepEqual(assessHealth(crd(condition('NamesAccepted', 'True'), condition('Established', 'False', 'Installing', 'the initial names have not yet been accepted'))), {
      status: 'Progressing',
      message: 'CRD is not established: the initial names have not yet been accepted',
    });
  });

  it('is Degraded when its names are not accepted', () => {
    assert.deepEqual(assessHealth(crd(condition('NamesAccepted', 'False', 'MultipleNameConflict', '"widgets" is already in use'), condition('Established', 'False'))), {
      status: 'Degraded',
      message: 'CRD names have not been accepted: "widgets" is already in use',
    });
  });

  it('is Degraded when its schema is not structural', () => {
    assert.deepEqual(assessHealth(crd(condition('Established', 'True'), condition('NonStructuralSchema', 'True', 'Violations', 'spec.versions[0].schema: Required value'))), {
      status: 'Degraded',
      message: 'Schema violations found: spec.versions[0].schema: Required value',
    });
  });

  it('is Progressing while being terminated', () => {
    assert.deepEqual(assessHealth(crd(condition('Established', 'True'), condition('Terminating', 'True', 'InstanceDeletionInProgress', 'deleting instances'))), {
      status: 'Progressing',
      message: 'CRD is being terminated: deleting instances',
    });
  });
});
