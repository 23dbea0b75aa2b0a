import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

describe('KEDA health', () => {
  for (const kind of ['ScaledObject', 'ScaledJob']) {
    const scaled = (...conditions: Array<Record<string, string>>) => live('keda.sh/v1alpha1', kind, { spec: { triggers: [] }, status: { conditions } });

    it(`is Healthy when a ${kind} is Ready, active or not`, () => {
      const idle = scaled(condition('Ready', 'True', `${kind}Ready`, `${kind} is defined correctly and is ready for scaling`), condition('Active', 'False', 'ScalerNotActive'), condition('Fallback', 'False'));
      assert.deepEqual(assessHealth(idle), { status: 'Healthy', message: `${kind} is defined correctly and is ready for scaling` });
    });

    it(`is Degraded when a ${kind}'s check failed, with the error`, () => {
      assert.deepEqual(assessHealth(scaled(condition('Ready', 'False', `${kind}CheckFailed`, 'error parsing prometheus metadata: no serverAddress given'))), {
        status: 'Degraded',
        message: 'error parsing prometheus metadata: no serverAddress given',
      });
    });

    it(`is Degraded when a ${kind} falls back because its scalers fail`, () => {
      assert.equal(assessHealth(scaled(condition('Ready', 'True'), condition('Fallback', 'True', 'FallbackExists', 'At least one trigger is falling back on this scaled object')))?.status, 'Degraded');
    });

    it(`is Suspended when a ${kind} is paused`, () => {
      assert.deepEqual(assessHealth(scaled(condition('Ready', 'True'), condition('Paused', 'True', `${kind}Paused`, `${kind} is paused`))), { status: 'Suspended', message: `${kind} is paused` });
    });

    it(`is Progressing before KEDA has checked a ${kind}`, () => {
      assert.equal(assessHealth(scaled())?.status, 'Progressing');
      assert.equal(assessHealth(scaled(condition('Ready', 'Unknown', 'ScaledObjectCheckStarted')))?.status, 'Progressing');
    });
  }
});
