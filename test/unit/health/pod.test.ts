import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

function pod(status: Record<string, unknown>, restartPolicy?: string) {
  return live('v1', 'Pod', { spec: restartPolicy ? { restartPolicy } : {}, status });
}
const waiting = (reason: string, message = '') => ({ name: 'app', ready: false, state: { waiting: { reason, message } } });

describe('Pod health', () => {
  it('is Healthy when running and ready', () => {
    assert.deepEqual(assessHealth(pod({ phase: 'Running', conditions: [condition('Ready', 'True')] })), { status: 'Healthy' });
  });

  it('is Progressing when running but not ready yet', () => {
    assert.deepEqual(assessHealth(pod({ phase: 'Running', conditions: [condition('Ready', 'False')], containerStatuses: [{ name: 'app', state: { running: {} } }] })), { status: 'Progressing' });
  });

  it('is Degraded when running, not ready, and a container has restarted', () => {
    const restarted = { name: 'app', state: { running: {} }, lastState: { terminated: { exitCode: 1 } } };
    assert.equal(assessHealth(pod({ phase: 'Running', conditions: [condition('Ready', 'False')], containerStatuses: [restarted] }))?.status, 'Degraded');
  });

  for (const reason of ['CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'CreateContainerConfigError', 'RunContainerError']) {
    it(`is Degraded when a container waits in ${reason}`, () => {
      assert.deepEqual(assessHealth(pod({ phase: 'Running', containerStatuses: [waiting(reason, `${reason} for app`)] })), { status: 'Degraded', message: `${reason} for app` });
    });
  }

  it('joins the messages of every stuck container, using the reason when there is no message', () => {
    const status = { phase: 'Pending', containerStatuses: [waiting('ErrImagePull', 'pull access denied'), waiting('CrashLoopBackOff')] };
    assert.deepEqual(assessHealth(pod(status)), { status: 'Degraded', message: 'pull access denied, CrashLoopBackOff' });
  });

  it('is Progressing while a container is merely creating', () => {
    assert.equal(assessHealth(pod({ phase: 'Pending', containerStatuses: [waiting('ContainerCreating')] }))?.status, 'Progressing');
  });

  it('does not fail a hook pod (restartPolicy Never) that waits on its image', () => {
    assert.equal(assessHealth(pod({ phase: 'Pending', containerStatuses: [waiting('ImagePullBackOff')] }, 'Never'))?.status, 'Progressing');
  });

  it('is Progressing, not Healthy, while a pod meant to finish is running', () => {
    assert.equal(assessHealth(pod({ phase: 'Running', conditions: [condition('Ready', 'True')] }, 'OnFailure'))?.status, 'Progressing');
  });

  it('is Progressing while Pending, with the pod message', () => {
    assert.deepEqual(assessHealth(pod({ phase: 'Pending', message: '0/3 nodes are available' })), { status: 'Progressing', message: '0/3 nodes are available' });
  });

  it('is Healthy once Succeeded', () => {
    assert.deepEqual(assessHealth(pod({ phase: 'Succeeded' }, 'Never')), { status: 'Healthy' });
  });

  it('is Degraded when Failed, with the pod message first', () => {
    assert.deepEqual(assessHealth(pod({ phase: 'Failed', message: 'Pod was evicted' }, 'Never')), { status: 'Degraded', message: 'Pod was evicted' });
  });

  it('is Degraded when Failed, explaining the first failed container', () => {
    const status = {
      phase: 'Failed',
      initContainerStatuses: [{ name: 'init', state: { terminated: { exitCode: 0 } } }],
      containerStatuses: [{ name: 'migrate', state: { terminated: { exitCode: 3 } } }],
    };
    assert.deepEqual(assessHealth(pod(status, 'Never')), { status: 'Degraded', message: 'container "migrate" failed with exit code 3' });
    const oom = { phase: 'Failed', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 137, reason: 'OOMKilled' } } }] };
    assert.deepEqual(assessHealth(pod(oom, 'Never')), { status: 'Degraded', message: 'OOMKilled' });
  });

  it('judges a restartPolicy Never pod annotated ignore-restart-policy by readiness, like a long-running pod', () => {
    const annotations = { 'argocd.argoproj.io/ignore-restart-policy': 'true' };
    const ready = live('v1', 'Pod', { spec: { restartPolicy: 'Never' }, status: { phase: 'Running', conditions: [condition('Ready', 'True')] } }, { annotations });
    assert.deepEqual(assessHealth(ready), { status: 'Healthy' });
    const stuck = live('v1', 'Pod', { spec: { restartPolicy: 'Never' }, status: { phase: 'Pending', containerStatuses: [waiting('ImagePullBackOff', 'no such image')] } }, { annotations });
    assert.deepEqual(assessHealth(stuck), { status: 'Degraded', message: 'no such image' });
  });

  it('keeps judging a restartPolicy Never pod as a hook when the annotation is not "true"', () => {
    const annotated = live('v1', 'Pod', { spec: { restartPolicy: 'Never' }, status: { phase: 'Running', conditions: [condition('Ready', 'True')] } }, { annotations: { 'argocd.argoproj.io/ignore-restart-policy': 'false' } });
    assert.equal(assessHealth(annotated)?.status, 'Progressing');
  });

  it('is Unknown when its phase is Unknown', () => {
    assert.equal(assessHealth(pod({ phase: 'Unknown' }))?.status, 'Unknown');
  });
});
