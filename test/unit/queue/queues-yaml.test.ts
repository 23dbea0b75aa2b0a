import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

type Resource = { Type: string; Properties: Record<string, unknown> };
const template = parse(readFileSync('infra/resources/queues.yml', 'utf8')) as { Resources: Record<string, Resource>; Outputs: Record<string, unknown> };
const props = (name: string) => template.Resources[name]?.Properties ?? assert.fail(`${name} missing`);

describe('infra/resources/queues.yml', () => {
  it('declares the jobs queue FIFO with explicit deduplication ids', () => {
    const jobs = props('JobsQueue');
    assert.equal(jobs.FifoQueue, true);
    assert.equal(jobs.ContentBasedDeduplication, false);
    assert.match(String(jobs.QueueName), /\.fifo$/);
  });

  it('gives a running worker (up to Lambda 900 s) time before a job is delivered again', () => {
    assert.ok(Number(props('JobsQueue').VisibilityTimeout) > 900);
  });

  it('moves a job to a FIFO dead-letter queue after 5 receives', () => {
    const redrive = props('JobsQueue').RedrivePolicy as Record<string, unknown>;
    assert.equal(redrive.maxReceiveCount, 5);
    assert.deepEqual(redrive.deadLetterTargetArn, { 'Fn::GetAtt': ['JobsDeadLetterQueue', 'Arn'] });
    assert.equal(props('JobsDeadLetterQueue').FifoQueue, true);
  });

  it('declares a standard delay queue for follow-ups, since FIFO queues refuse per-message delays', () => {
    const delays = props('JobDelayQueue');
    assert.equal(delays.FifoQueue, undefined);
    assert.ok(template.Outputs.JobDelayQueueUrl);
    assert.ok(template.Outputs.JobsQueueUrl);
  });
});
