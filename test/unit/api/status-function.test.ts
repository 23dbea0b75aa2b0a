import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

type Handler = typeof import('../../../functions/status.js').handler;
type Event = Parameters<Handler>[0];

function event(method: string, path: string, extra: Partial<Event> = {}): Event {
  return {
    version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: '', headers: {}, isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012', apiId: 'api', domainName: 'api.example.com', domainPrefix: 'api', requestId: 'r', routeKey: '$default', stage: '$default',
      time: '01/Mar/2026:12:00:00 +0000', timeEpoch: 0, http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'test' },
    },
    ...extra,
  };
}

// Requests answered before any AWS call: the adapter's mapping of the event, with no service behind it.
describe('status function adapter', () => {
  let handler: Handler;
  const load = async () => {
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    ({ handler } = await import('../../../functions/status.js'));
  };

  it('answers 500 in the error shape, naming no setting value, while TABLE_NAME is unset', async () => {
    delete process.env.TABLE_NAME;
    process.env.JOBS_QUEUE_URL = 'https://sqs.example/123/jobs-secret-name.fifo';
    await load();
    const result = await handler(event('GET', '/apps'));
    assert.equal(result.statusCode, 500);
    assert.equal(JSON.parse(String(result.body)).error.code, 'InternalError');
    assert.doesNotMatch(String(result.body), /jobs-secret-name/);
  });

  it('maps method, path, headers and a base64 body onto the API once configured', async () => {
    Object.assign(process.env, { TABLE_NAME: 'sluice-unit-status', JOBS_QUEUE_URL: 'https://sqs.example/123/jobs.fifo', STAGE: 'unit', AWS_REGION: 'us-east-1' });
    await load();
    const health = await handler(event('GET', '/healthz'));
    assert.equal(health.statusCode, 200);
    assert.equal(health.headers?.['content-type'], 'application/json');

    const unauthenticated = await handler(event('GET', '/apps'));
    assert.equal(unauthenticated.statusCode, 401);
    assert.equal(unauthenticated.headers?.['www-authenticate'], 'Bearer realm="sluice"');

    const large = Buffer.from(JSON.stringify({ padding: 'x'.repeat(70_000) })).toString('base64');
    const tooLarge = await handler(event('POST', '/apps/web/sync', { body: large, isBase64Encoded: true }));
    assert.equal(tooLarge.statusCode, 413);

    const wrongMethod = await handler(event('DELETE', '/apps/web/sync'));
    assert.equal(wrongMethod.statusCode, 405);
    assert.equal(wrongMethod.headers?.allow, 'POST');
  });
});
