import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifests } from '../../../lib/model/index.js';
import { retryDelaySeconds } from '../../../lib/worker/retry.js';

const app = (retry: string) => parseManifests(`apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: { name: web }
spec:
  source: { repoURL: https://github.com/example/web, path: . }
  destination: { server: https://example.invalid, namespace: web }
  syncPolicy:
${retry}`, 'web.yaml').applications[0]!;

describe('sync retry policy', () => {
  it('backs off by duration × factor^(attempt-1), capped at maxDuration, up to the limit', () => {
    const web = app('    retry:\n      limit: 4\n      backoff: { duration: 5s, factor: 2, maxDuration: 15s }\n');
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => retryDelaySeconds(web, n)), [5, 10, 15, 15, undefined]);
  });

  it('does not retry an app without a retry policy', () => {
    assert.equal(retryDelaySeconds(app('    automated: {}\n'), 1), undefined);
  });
});
