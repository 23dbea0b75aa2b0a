import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { createPki, type Pki } from '../../../infra/local/pki.js';
import { endpointOf } from '../../../lib/kube/credentials.js';
import { KubeConnectionError, UnauthorizedError } from '../../../lib/kube/errors.js';
import { KubeTransport } from '../../../lib/kube/transport.js';

// Connection behaviour the real API server cannot be made to show on demand (throttling, hanging,
// an untrusted certificate), against a local TLS server.
describe('KubeTransport', () => {
  const token = 'transport-test-token-4f1c';
  const dir = mkdtempSync(join(tmpdir(), 'sluice-transport-'));
  let pki: Pki;
  let server: Server;
  let url: string;
  let connections = 0;
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('{}');

  before(async () => {
    pki = createPki(dir);
    server = createServer({ cert: readFileSync(pki.servingCert), key: readFileSync(pki.servingKey) }, (req, res) => handler(req, res));
    server.on('secureConnection', () => { connections += 1; });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const transport = (options = {}, trusted = true) =>
    new KubeTransport(endpointOf({ server: url, token, caData: trusted ? readFileSync(pki.caCert, 'utf8') : undefined }), options);

  it('sends the bearer token and reuses one connection for sequential requests', async () => {
    const seen: string[] = [];
    handler = (req, res) => { seen.push(req.headers.authorization ?? ''); res.end('{"ok":true}'); };
    connections = 0;
    const client = transport();
    for (let i = 0; i < 3; i++) assert.deepEqual((await client.json({ method: 'GET', path: '/api' })).value, { ok: true });
    client.close();
    assert.deepEqual(seen, Array(3).fill(`Bearer ${token}`));
    assert.equal(connections, 1);
  });

  it('unzips gzip answers', async () => {
    handler = (_req, res) => { res.setHeader('content-encoding', 'gzip'); res.end(gzipSync('{"zipped":1}')); };
    const client = transport();
    assert.deepEqual((await client.json({ method: 'GET', path: '/apis' })).value, { zipped: 1 });
    client.close();
  });

  it('retries a throttled request after Retry-After', async () => {
    let calls = 0;
    handler = (_req, res) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
        res.end('{"kind":"Status","code":429,"reason":"TooManyRequests","message":"slow down"}');
      } else res.end('{}');
    };
    const client = transport();
    const started = Date.now();
    await client.request({ method: 'PATCH', path: '/x', body: '{}' });
    client.close();
    assert.equal(calls, 2);
    assert.ok(Date.now() - started >= 900);
  });

  it('raises UnauthorizedError on 401 without the token in the message', async () => {
    handler = (_req, res) => { res.writeHead(401); res.end('{"kind":"Status","code":401,"reason":"Unauthorized","message":"Unauthorized"}'); };
    const client = transport();
    await assert.rejects(client.request({ method: 'GET', path: '/api' }), (error: Error) => {
      assert.ok(error instanceof UnauthorizedError);
      assert.equal(error.code, 401);
      assert.ok(!error.message.includes(token));
      return true;
    });
    client.close();
  });

  it('gives up on a server that does not answer in time, naming the request and the server', async () => {
    handler = () => { /* never answers */ };
    const client = transport({ timeoutMs: 300 });
    await assert.rejects(client.request({ method: 'GET', path: '/api/v1/namespaces' }), (error: Error) => {
      assert.ok(error instanceof KubeConnectionError);
      assert.equal(error.message, `GET /api/v1/namespaces: ${url} did not answer within 0.3 s; check that the API server is up and reachable`);
      return true;
    });
    client.close();
  });

  it('says to check caData when the server certificate is not trusted, without the token', async () => {
    const client = transport({}, false);
    await assert.rejects(client.request({ method: 'GET', path: '/api' }), (error: Error) => {
      assert.ok(error instanceof KubeConnectionError);
      assert.match(error.message, /cannot talk to https:\/\/127\.0\.0\.1:\d+: .*; the server certificate is not trusted: check caData/);
      assert.ok(!error.message.includes(token));
      return true;
    });
    client.close();
  });

  it('names the server when nothing listens there', async () => {
    const client = new KubeTransport(endpointOf({ server: 'https://127.0.0.1:1', token }));
    await assert.rejects(client.request({ method: 'GET', path: '/api' }), /^KubeConnectionError: GET \/api: cannot talk to https:\/\/127\.0\.0\.1:1: connect ECONNREFUSED/);
    client.close();
  });
});
