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

  it('is Degraded when a Failed condition sits beside a Complete one', () => {
    const conditions = [condition('Complete', 'True', '', 'Reached expected number of succeeded pods'), condition('Failed', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline')];
    assert.deepEqual(assessHealth(job(conditions)), { status: 'Degraded', message: 'Job was active longer than specified deadline' });
  });

  it('is Degraded as soon as the controller marks it FailureTarget, before its pods have terminated', () => {
    assert.deepEqual(assessHealth(job([condition('FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit')])), {
      status: 'Degraded',
      message: 'Job has reached the specified backoff limit',
    });
  });

  it('is Healthy once its success policy is met (SuccessCriteriaMet), before Complete is written', () => {
    assert.deepEqual(assessHealth(job([condition('SuccessCriteriaMet', 'True', 'SuccessPolicy', 'Matched rules at index 0')])), { status: 'Healthy', message: 'Matched rules at index 0' });
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
