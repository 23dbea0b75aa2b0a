import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createJobIdempotency, type JobIdempotency } from '../../../lib/store/index.js';
import { statusTable } from './status-table.js';

describe('done-job idempotency', () => {
  let idempotency: JobIdempotency;
  before(async () => {
    const table = await statusTable('idem');
    idempotency = createJobIdempotency({ client: table.client, tableName: table.names.idempotency as string });
  });

  it('runs a job once and answers a repeat with the first result', async () => {
    let runs = 0;
    const work = async () => ({ run: ++runs });
    assert.deepEqual(await idempotency.once('job-a', work), { run: 1 });
    assert.deepEqual(await idempotency.once('job-a', work), { run: 1 });
    assert.deepEqual(await idempotency.once('job-b', work), { run: 2 });
    assert.equal(runs, 2);
  });

  it('runs a failed job again on its retry', async () => {
    let runs = 0;
    await assert.rejects(idempotency.once('job-failing', async () => {
      runs += 1;
      throw new Error('cluster unreachable');
    }), /cluster unreachable/);
    assert.deepEqual(await idempotency.once('job-failing', async () => ({ run: ++runs })), { run: 2 });
  });
});
