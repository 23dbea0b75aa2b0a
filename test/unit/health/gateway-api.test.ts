import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessHealth } from '../../../lib/health/index.js';
import { condition, live } from './live.js';

const group = 'gateway.networking.k8s.io/v1';

describe('Gateway health', () => {
  const gateway = (...conditions: Array<Record<string, unknown>>) => live(group, 'Gateway', { spec: { gatewayClassName: 'eg' }, status: { conditions } });

  it('is Healthy when accepted and programmed', () => {
    assert.deepEqual(assessHealth(gateway(condition('Accepted', 'True', 'Accepted'), condition('Programmed', 'True', 'Programmed', 'Address assigned to the Gateway'))), {
      status: 'Healthy',
      message: 'Address assigned to the Gateway',
    });
  });

  it('is Progressing while the API server\'s default Pending status stands', () => {
    const pending = gateway(condition('Accepted', 'Unknown', 'Pending', 'Waiting for controller'), condition('Programmed', 'Unknown', 'Pending', 'Waiting for controller'));
    assert.deepEqual(assessHealth(pending), { status: 'Progressing', message: 'Waiting for controller' });
  });

  it('is Progressing while its conditions describe an older generation', () => {
    const stale = live(group, 'Gateway', { status: { conditions: [{ ...condition('Accepted', 'True'), observedGeneration: 1 }, { ...condition('Programmed', 'True'), observedGeneration: 1 }] } }, { generation: 2 });
    assert.equal(assessHealth(stale)?.status, 'Progressing');
  });

  it('is Degraded when not accepted, with the controller\'s message', () => {
    assert.deepEqual(assessHealth(gateway(condition('Accepted', 'False', 'InvalidParameters', 'parametersRef "proxy" not found'), condition('Programmed', 'False', 'Invalid'))), {
      status: 'Degraded',
      message: 'parametersRef "proxy" not found',
    });
  });

  it('is Degraded when accepted but it could not be programmed', () => {
    assert.equal(assessHealth(gateway(condition('Accepted', 'True'), condition('Programmed', 'False', 'AddressNotAssigned', 'No addresses have been assigned to the Gateway')))?.status, 'Degraded');
  });
});

describe('Gateway route health', () => {
  const parent = (name: string, ...conditions: Array<Record<string, unknown>>) => ({ parentRef: { name }, controllerName: 'gateway.envoyproxy.io/gatewayclass-controller', conditions });

  for (const kind of ['HTTPRoute', 'GRPCRoute', 'TLSRoute']) {
    const route = (parents?: unknown[], generation = 1) => live(kind === 'TLSRoute' ? 'gateway.networking.k8s.io/v1alpha2' : group, kind, { spec: {}, status: parents ? { parents } : {} }, { generation });

    it(`is Healthy when every parent gateway accepted the ${kind} and resolved its backends`, () => {
      const parents = [parent('public', condition('Accepted', 'True'), condition('ResolvedRefs', 'True')), parent('internal', condition('Accepted', 'True'), condition('ResolvedRefs', 'True'))];
      assert.deepEqual(assessHealth(route(parents)), { status: 'Healthy' });
    });

    it(`is Progressing before any gateway reports on the ${kind}`, () => {
      assert.deepEqual(assessHealth(route()), { status: 'Progressing', message: 'waiting for a gateway to accept the route' });
    });

    it(`is Degraded when a gateway refuses the ${kind}, naming the gateway`, () => {
      const parents = [parent('public', condition('Accepted', 'True'), condition('ResolvedRefs', 'True')), parent('internal', condition('Accepted', 'False', 'NotAllowedByListeners', 'No listener allows routes from namespace shop'))];
      assert.deepEqual(assessHealth(route(parents)), { status: 'Degraded', message: 'internal: No listener allows routes from namespace shop' });
    });
  }

  it('is Degraded when a backend reference does not resolve', () => {
    const parents = [parent('public', condition('Accepted', 'True'), condition('ResolvedRefs', 'False', 'BackendNotFound', 'Service shop/web not found'))];
    assert.deepEqual(assessHealth(live(group, 'HTTPRoute', { status: { parents } })), { status: 'Degraded', message: 'public: Service shop/web not found' });
  });

  it('is Progressing while a gateway has only seen an older generation of the route', () => {
    const parents = [parent('public', { ...condition('Accepted', 'True'), observedGeneration: 1 }, { ...condition('ResolvedRefs', 'True'), observedGeneration: 1 })];
    assert.deepEqual(assessHealth(live(group, 'HTTPRoute', { status: { parents } }, { generation: 2 })), { status: 'Progressing', message: 'waiting for public to accept the route' });
  });
});
