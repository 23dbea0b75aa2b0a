import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changedPaths, stableYaml } from '../../../lib/diff/index.js';

describe('stableYaml', () => {
  it('sorts keys at every level, so equal objects print identically', () => {
    const a = stableYaml({ spec: { b: 1, a: [{ z: 1, y: 2 }] }, kind: 'X', apiVersion: 'v1' });
    const b = stableYaml({ apiVersion: 'v1', kind: 'X', spec: { a: [{ y: 2, z: 1 }], b: 1 } });
    assert.equal(a, b);
    assert.equal(a, 'apiVersion: v1\nkind: X\nspec:\n  a:\n    - y: 2\n      z: 1\n  b: 1\n');
  });

  it('never folds long lines and quotes strings that would read as other types', () => {
    const long = 'x'.repeat(200) + ' ' + 'y'.repeat(200);
    assert.equal(stableYaml({ long, port: '80', flag: 'true' }), `flag: "true"\nlong: ${long}\nport: "80"\n`);
  });

  it('prints an absent object as nothing', () => {
    assert.equal(stableYaml(undefined), '');
  });
});

describe('changedPaths', () => {
  it('lists the deepest differing paths in key order', () => {
    assert.deepEqual(changedPaths(
      { spec: { replicas: 2, paused: false, selector: { app: 'a' } }, metadata: { name: 'x' } },
      { spec: { replicas: 3, selector: { app: 'a' }, minReadySeconds: 5 }, metadata: { name: 'x' } },
    ), ['spec.minReadySeconds', 'spec.paused', 'spec.replicas']);
  });

  it('quotes keys that are not plain identifiers', () => {
    assert.deepEqual(changedPaths({ metadata: { labels: { 'app.kubernetes.io/name': 'a' } } }, { metadata: { labels: { 'app.kubernetes.io/name': 'b' } } }),
      ['metadata.labels["app.kubernetes.io/name"]']);
  });

  it('names keyed list items by merge key, including added and removed ones', () => {
    const before = { containers: [{ name: 'web', image: 'a' }, { name: 'old', image: 'o' }] };
    const after = { containers: [{ name: 'web', image: 'b' }, { name: 'new', image: 'n' }] };
    assert.deepEqual(changedPaths(before, after), ['containers[name=web].image', 'containers[name=old]', 'containers[name=new]']);
  });

  it('names ports by port and protocol', () => {
    assert.deepEqual(changedPaths({ ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }] }, { ports: [{ port: 80, protocol: 'TCP', targetPort: 9090 }] }),
      ['ports[port=80,protocol=TCP].targetPort']);
  });

  it('names other list items by index', () => {
    assert.deepEqual(changedPaths({ args: ['a', 'b'] }, { args: ['a', 'c', 'd'] }), ['args[1]', 'args[2]']);
  });

  it('reports a keyed list whose items only changed order as the list', () => {
    assert.deepEqual(changedPaths({ env: [{ name: 'A' }, { name: 'B' }] }, { env: [{ name: 'B' }, { name: 'A' }] }), ['env']);
  });

  it('is empty for equal objects', () => {
    assert.deepEqual(changedPaths({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), []);
  });
});
