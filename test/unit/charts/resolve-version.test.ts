import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isExactChartVersion, resolveChartVersion } from '../../../lib/charts/index.js';

const listed = ['1.0.0', '1.2.0', '1.2.3', '1.10.0', '2.0.0', '2.1.0-rc.1', 'not-a-version'];
const pick = (wanted: string, versions = listed) => resolveChartVersion(wanted, versions, 'chart demo');

describe('resolveChartVersion', () => {
  it('takes an exact version that is listed', () => assert.equal(pick('1.2.0'), '1.2.0'));
  it('finds an exact version written with a v', () => assert.equal(pick('v1.2.3'), '1.2.3'));
  it('refuses an exact version that is not listed, naming the listed ones', () => {
    assert.throws(() => pick('1.3.0'), /version 1\.3\.0 is not in the repository \(it lists 2\.1\.0-rc\.1, 2\.0\.0/);
  });
  it('picks the highest version a caret range admits, comparing as versions', () => assert.equal(pick('^1.2'), '1.10.0'));
  it('picks the highest patch of a tilde range', () => assert.equal(pick('~1.2.0'), '1.2.3'));
  it('reads Masterminds\' comma as "and"', () => assert.equal(pick('>=1.0.0, <1.10.0'), '1.2.3'));
  it('takes x and * wildcards', () => {
    assert.equal(pick('1.2.x'), '1.2.3');
    assert.equal(pick('1.2.*'), '1.2.3');
    assert.equal(pick('*'), '2.0.0');
  });
  it('treats HEAD and an empty targetRevision as any version', () => assert.equal(pick('HEAD'), '2.0.0'));
  it('leaves pre-releases out unless the range names one', () => {
    assert.equal(pick('>=2.0.0'), '2.0.0');
    assert.equal(pick('>=2.1.0-rc.0'), '2.1.0-rc.1');
  });
  it('takes either side of ||', () => assert.equal(pick('1.0.x || 1.2.x'), '1.2.3'));
  it('says so when no listed version matches', () => {
    assert.throws(() => pick('^3.0.0'), /chart demo: no version matches \^3\.0\.0 \(the repository lists/);
  });
  it('refuses text that is not a version range', () => {
    assert.throws(() => pick('main; rm -rf'), /is not a chart version or version range/);
    assert.throws(() => pick('>>>1'), /not a valid version range/);
  });
  it('tells exact versions from ranges', () => {
    assert.equal(isExactChartVersion('1.2.3'), true);
    assert.equal(isExactChartVersion('^1.2.3'), false);
    assert.equal(isExactChartVersion('*'), false);
  });
});
