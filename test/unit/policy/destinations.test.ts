import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDestinationPermitted } from '../../../lib/policy/index.js';

const prod = { name: 'prod-eu', server: 'https://prod-eu.k8s.example.com:6443' };
const dev = { name: 'dev', server: 'https://dev.k8s.example.com' };

describe('isDestinationPermitted', () => {
  it('permits a cluster matched by server glob and a namespace matched by namespace glob', () => {
    const destinations = [{ server: 'https://prod-*.k8s.example.com:6443', namespace: 'team-a-*' }];
    assert.equal(isDestinationPermitted(destinations, prod, 'team-a-web'), true);
    assert.equal(isDestinationPermitted(destinations, prod, 'team-b-web'), false);
    assert.equal(isDestinationPermitted(destinations, dev, 'team-a-web'), false);
  });

  it('permits a cluster matched by its registered name', () => {
    assert.equal(isDestinationPermitted([{ name: 'prod-*', namespace: '*' }], prod, 'anything'), true);
    assert.equal(isDestinationPermitted([{ name: 'prod-*', namespace: '*' }], dev, 'anything'), false);
  });

  it('permits nothing with no destinations', () => {
    assert.equal(isDestinationPermitted([], prod, 'web'), false);
  });

  it('lets a deny entry reject a namespace on any cluster despite an allow-all entry', () => {
    const destinations = [{ server: '*', namespace: '!kube-system' }, { server: '*', namespace: '*' }];
    assert.equal(isDestinationPermitted(destinations, prod, 'kube-system'), false);
    assert.equal(isDestinationPermitted(destinations, prod, 'web'), true);
  });

  it('lets a deny entry reject clusters by server glob', () => {
    const destinations = [{ server: '!https://dev.*', namespace: '*' }, { server: '*', namespace: '*' }];
    assert.equal(isDestinationPermitted(destinations, dev, 'web'), false);
    assert.equal(isDestinationPermitted(destinations, prod, 'web'), true);
  });

  it('needs an allow entry: deny entries alone permit nothing', () => {
    assert.equal(isDestinationPermitted([{ server: '*', namespace: '!kube-system' }], prod, 'web'), false);
  });

  it('matches an entry without namespace only to a destination without namespace', () => {
    assert.equal(isDestinationPermitted([{ server: '*' }], prod, ''), true);
    assert.equal(isDestinationPermitted([{ server: '*' }], prod, 'web'), false);
  });
});
