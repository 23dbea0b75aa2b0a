import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

function strimzi(kind: string, conditions: Array<Record<string, string>>, generation = 1) {
  return live('kafka.strimzi.io/v1beta2', kind, { spec: {}, status: { observedGeneration: 1, conditions } }, { generation });
}

describe('Strimzi health', () => {
  for (const kind of ['Kafka', 'KafkaTopic', 'KafkaUser']) {
    it(`is Healthy when a ${kind} is Ready`, () => {
      assert.deepEqual(assessHealth(strimzi(kind, [condition('Ready', 'True')])), { status: 'Healthy' });
    });

    it(`is Degraded when a ${kind} is NotReady because reconciling failed, with the error`, () => {
      assert.deepEqual(assessHealth(strimzi(kind, [condition('NotReady', 'True', 'InvalidResourceException', 'spec.partitions: must be at least 1')])), {
        status: 'Degraded',
        message: 'spec.partitions: must be at least 1',
      });
    });

    it(`is Progressing until the operator has observed a ${kind}'s latest generation`, () => {
      assert.deepEqual(assessHealth(strimzi(kind, [condition('Ready', 'True')], 2)), { status: 'Progressing', message: 'waiting for the controller to observe generation 2' });
    });

    it(`is Suspended when a ${kind}'s reconciliation is paused`, () => {
      assert.equal(assessHealth(strimzi(kind, [condition('ReconciliationPaused', 'True')]))?.status, 'Suspended');
    });
  }

  it('is Progressing while a Kafka cluster is being created', () => {
    assert.deepEqual(assessHealth(strimzi('Kafka', [condition('NotReady', 'True', 'Creating', 'Kafka cluster is being deployed')])), { status: 'Progressing', message: 'Kafka cluster is being deployed' });
    assert.equal(assessHealth(strimzi('Kafka', []))?.status, 'Progressing');
  });

  it('is still Healthy with a warning beside Ready', () => {
    assert.equal(assessHealth(strimzi('Kafka', [condition('Warning', 'True', 'KafkaStorage', 'ephemeral storage'), condition('Ready', 'True')]))?.status, 'Healthy');
  });
});
