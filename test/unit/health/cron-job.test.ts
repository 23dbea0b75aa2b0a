import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { live } from './live.js';

function cronJob(status: Record<string, unknown>, spec: Record<string, unknown> = {}) {
  return live('batch/v1', 'CronJob', { spec: { schedule: '*/5 * * * *', ...spec }, status });
}

describe('CronJob health', () => {
  it('is Healthy before its first schedule', () => {
    assert.deepEqual(assessHealth(cronJob({})), { status: 'Healthy' });
  });

  it('is Healthy when the last scheduled job succeeded', () => {
    assert.deepEqual(assessHealth(cronJob({ lastScheduleTime: '2025-01-01T10:00:00Z', lastSuccessfulTime: '2025-01-01T10:00:42Z' })), { status: 'Healthy' });
  });

  it('is Healthy, not Progressing, while a job runs', () => {
    const running = cronJob({ active: [{ kind: 'Job', name: 'backup-29000000' }], lastScheduleTime: '2025-01-01T10:05:00Z', lastSuccessfulTime: '2025-01-01T10:00:42Z' });
    assert.deepEqual(assessHealth(running), { status: 'Healthy', message: '1 job running' });
  });

  it('is Degraded when the last scheduled job finished without succeeding', () => {
    assert.deepEqual(assessHealth(cronJob({ lastScheduleTime: '2025-01-01T10:05:00Z', lastSuccessfulTime: '2025-01-01T10:00:42Z' })), {
      status: 'Degraded',
      message: 'the job scheduled at 2025-01-01T10:05:00Z did not succeed',
    });
    assert.equal(assessHealth(cronJob({ lastScheduleTime: '2025-01-01T10:05:00Z' }))?.status, 'Degraded');
  });

  it('is Suspended when spec.suspend is set, whatever its last job did', () => {
    assert.deepEqual(assessHealth(cronJob({ lastScheduleTime: '2025-01-01T10:05:00Z' }, { suspend: true })), { status: 'Suspended', message: 'CronJob is suspended' });
  });

  it('is Unknown when a schedule time is not a time', () => {
    assert.equal(assessHealth(cronJob({ lastScheduleTime: 'yesterday' }))?.status, 'Unknown');
  });
});
