import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

function job(conditions: Array<Record<string, string>>, spec: Record<string, unknown> = {}) {
  return live('batch/v1', 'Job', { spec, status: { conditions } });
}

describe('Job health', () => {
  it('is Healthy when complete', () => {
    assert.deepEqual(assessHealth(job([condition('Complete', 'True', '', 'Reached expected number of succeeded pods')])), {
      status: 'Healthy',
      message: 'Reached expected number of succeeded pods',
    });
  });

  it('is Degraded when failed, with the failure message', () => {
    assert.deepEqual(assessHealth(job([condition('Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit')])), {
      status: 'Degraded',
      message: 'Job has reached the specified backoff limit',
    });
  });

  it('is Suspended when suspended', () => {
    assert.deepEqual(assessHealth(job([condition('Suspended', 'True', 'JobSuspended', 'Job suspended')])), { status: 'Suspended', message: 'Job suspended' });
    assert.deepEqual(assessHealth(job([], { suspend: true })), { status: 'Suspended', message: 'Job is suspended' });
  });

  it('is Progressing while running, including after being resumed', () => {
    assert.deepEqual(assessHealth(job([])), { status: 'Progressing' });
    assert.deepEqual(assessHealth(job([condition('Suspended', 'False', 'JobResumed')])), { status: 'Progressing' });
  });
});
