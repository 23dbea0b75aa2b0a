import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffObject, maskSecretValues, SECRET_MASK, type ObjectDiff } from '../../../lib/diff/index.js';
import type { KubeObject } from '../../../lib/kube/types.js';
import { base64, secret } from './objects.js';

/** Distinctive values: none of their substrings of 5+ characters occurs in a diff by chance. */
const VALUES = {
  same: 'Zx9!qLmP-4#vWr7$same',
  oldValue: 'Qe3@hTyU-8%kPo2^old',
  newValue: 'Jw5&nBcX-1*gHs6(new',
  added: 'Vr8)fDkM-3_zNa4+add',
  removed: 'Ty2=pGjL-7~xCe9]gone',
  multiline: 'Mk4!Hs9@Lp:first\nWq7#Xe2$Rv:second\n',
};

/** Every 5-character window of each value and of its base64, as it could appear in output. */
function forbiddenFragments(): string[] {
  const fragments = new Set<string>();
  for (const value of Object.values(VALUES)) {
    for (const text of [value, base64(value), JSON.stringify(value)]) {
      for (const line of text.split('\n')) {
        for (let i = 0; i + 5 <= line.length; i++) {
          fragments.add(line.slice(i, i + 5));
        }
      }
    }
  }
  return [...fragments];
}

function assertNoLeak(result: ObjectDiff): void {
  const output = [result.diff, ...result.changedPaths, ...result.warnings].join('\n');
  for (const fragment of forbiddenFragments()) {
    assert.equal(output.includes(fragment), false, `output contains ${JSON.stringify(fragment)}:\n${output}`);
  }
}

const lastApplied = (data: Record<string, string>) => ({
  'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ apiVersion: 'v1', kind: 'Secret', stringData: data }),
});

function liveSecret(): KubeObject {
  const live = secret({
    data: { same: base64(VALUES.same), changed: base64(VALUES.oldValue), removed: base64(VALUES.removed), pem: base64(VALUES.multiline) },
    annotations: lastApplied({ changed: VALUES.oldValue, removed: VALUES.removed }),
  });
  live.metadata.resourceVersion = '42';
  return live;
}

function desiredSecret(): KubeObject {
  return secret({ stringData: { same: VALUES.same, changed: VALUES.newValue, added: VALUES.added, pem: VALUES.multiline } });
}

/** The dry-run result of desiredSecret() over liveSecret(): stringData folded by the server, removed key gone. */
function predictedSecret(): KubeObject {
  return secret({
    data: { same: base64(VALUES.same), changed: base64(VALUES.newValue), added: base64(VALUES.added), pem: base64(VALUES.multiline) },
    annotations: lastApplied({ changed: VALUES.oldValue, removed: VALUES.removed }),
  });
}

describe('Secret masking', () => {
  const scenarios: [string, () => ObjectDiff][] = [
    ['configure with a dry-run result', () => diffObject({ desired: desiredSecret(), live: liveSecret(), predicted: predictedSecret() })],
    ['configure without a dry-run result', () => diffObject({ desired: desiredSecret(), live: liveSecret() })],
    ['create from stringData', () => diffObject({ desired: desiredSecret() })],
    ['create from the dry-run result', () => diffObject({ desired: desiredSecret(), predicted: predictedSecret() })],
    ['pruned', () => diffObject({ live: liveSecret() })],
  ];

  for (const [name, run] of scenarios) {
    it(`never shows a value, its base64 or a piece of either: ${name}`, () => {
      const result = run();
      assert.notEqual(result.action, 'unchanged');
      assertNoLeak(result);
    });
  }

  it('shows unchanged keys as equal masks, changed keys as differing masks, added and removed keys as masks', () => {
    const result = diffObject({ desired: desiredSecret(), live: liveSecret(), predicted: predictedSecret() });
    assert.equal(result.action, 'configured');
    const lines = result.diff.split('\n');
    assert.ok(lines.includes(`   same: ${SECRET_MASK}`), result.diff);
    assert.ok(lines.includes(`   pem: ${SECRET_MASK}`), result.diff);
    assert.ok(lines.includes(`-  changed: ${SECRET_MASK}`), result.diff);
    assert.ok(lines.includes(`+  changed: ${SECRET_MASK}+`), result.diff);
    assert.ok(lines.includes(`+  added: ${SECRET_MASK}`), result.diff);
    assert.ok(lines.includes(`-  removed: ${SECRET_MASK}`), result.diff);
    assert.deepEqual(result.changedPaths, ['data.added', 'data.changed', 'data.removed']);
  });

  it('gives values of different lengths the same mask, so lengths are not revealed', () => {
    const live = secret({ data: { short: base64('x'), long: base64('y'.repeat(500)) } });
    const [masked] = maskSecretValues(structuredClone(live), undefined);
    assert.deepEqual(masked?.data, { short: SECRET_MASK, long: SECRET_MASK });
  });

  it('is unchanged, with no diff at all, when only the spelling (stringData vs data) differs', () => {
    const desired = secret({ stringData: { same: VALUES.same } });
    const live = secret({ data: { same: base64(VALUES.same) } });
    assert.deepEqual(diffObject({ desired, live, predicted: live }), {
      ref: { group: '', kind: 'Secret', namespace: 'web', name: 'db' }, action: 'unchanged', diff: '', changedPaths: [], warnings: [],
    });
  });

  it('masks a data field that is not a map as a whole', () => {
    const live = secret({});
    live.data = VALUES.same;
    const [masked] = maskSecretValues(live, undefined);
    assert.equal(masked?.data, SECRET_MASK);
  });

  it('masks the last-applied annotation of any kind, keeping changed vs unchanged visible', () => {
    const configMap = (annotation: string): KubeObject => ({
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': annotation, other: 'shown' } },
    });
    const [live, desired] = maskSecretValues(configMap(VALUES.oldValue), configMap(VALUES.newValue));
    assert.deepEqual(live?.metadata.annotations, { 'kubectl.kubernetes.io/last-applied-configuration': SECRET_MASK, other: 'shown' });
    assert.deepEqual(desired?.metadata.annotations, { 'kubectl.kubernetes.io/last-applied-configuration': `${SECRET_MASK}+`, other: 'shown' });
  });

  it('leaves data of objects that are not core Secrets readable', () => {
    const configMap: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'visible' } };
    const result = diffObject({ desired: configMap });
    assert.match(result.diff, /a: visible/);
  });
});
