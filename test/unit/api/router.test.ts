import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiRoutes, matchRoute } from '../../../lib/api/index.js';

describe('status api router', () => {
  it('matches a fixed path', () => {
    const match = matchRoute(apiRoutes, 'GET', '/apps');
    assert.equal(match.kind, 'found');
    assert.equal(match.kind === 'found' && match.route.pattern, '/apps');
  });

  it('binds path parameters, percent-decoded', () => {
    const match = matchRoute(apiRoutes, 'GET', '/apps/web/history/2026-03-01T12%3A00%3A00.000Z_0a1b2c3d');
    assert.equal(match.kind, 'found');
    assert.deepEqual(match.kind === 'found' && match.params, { name: 'web', id: '2026-03-01T12:00:00.000Z_0a1b2c3d' });
  });

  it('ignores a trailing slash and accepts the method in any case', () => {
    const match = matchRoute(apiRoutes, 'get', '/apps/web/');
    assert.equal(match.kind === 'found' && match.route.pattern, '/apps/{name}');
  });

  it('tells a known path with the wrong method apart from an unknown path', () => {
    assert.deepEqual(matchRoute(apiRoutes, 'DELETE', '/apps/web/sync'), { kind: 'method', allow: ['POST'] });
    assert.deepEqual(matchRoute(apiRoutes, 'POST', '/apps'), { kind: 'method', allow: ['GET'] });
    assert.deepEqual(matchRoute(apiRoutes, 'GET', '/apps/web/unknown'), { kind: 'none' });
    assert.deepEqual(matchRoute(apiRoutes, 'GET', '/'), { kind: 'none' });
  });

  it('does not let a parameter match an empty segment or span segments', () => {
    assert.equal(matchRoute(apiRoutes, 'GET', '/apps//history').kind, 'none');
    assert.equal(matchRoute(apiRoutes, 'GET', '/apps/a/b').kind, 'none');
  });

  it('names no route for malformed percent-encoding', () => {
    assert.deepEqual(matchRoute(apiRoutes, 'GET', '/apps/%E0%A4%A'), { kind: 'none' });
  });
});
