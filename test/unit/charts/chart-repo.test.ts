import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartRepoKey, checkChartName, parseChartRepo } from '../../../lib/charts/index.js';

const parse = (url: string) => parseChartRepo(url, 'repoURL');

describe('parseChartRepo', () => {
  it('reads an https URL as a Helm repository, without the trailing slash', () => {
    assert.deepEqual(parse('https://charts.example.com/stable/'), { kind: 'http', url: 'https://charts.example.com/stable' });
  });
  it('reads oci://host/path as an OCI registry repository', () => {
    assert.deepEqual(parse('oci://ghcr.io/acme/charts'), { kind: 'oci', registry: 'ghcr.io', path: 'acme/charts' });
  });
  it('reads Argo CD\'s scheme-less registry form, with a port', () => {
    assert.deepEqual(parse('localhost:5000/charts'), { kind: 'oci', registry: 'localhost:5000', path: 'charts' });
    assert.deepEqual(parse('registry-1.docker.io/bitnamicharts'), { kind: 'oci', registry: 'registry-1.docker.io', path: 'bitnamicharts' });
  });
  it('keys credentials of a registry by its oci:// URL', () => {
    assert.equal(chartRepoKey(parse('localhost:5000/charts')), 'oci://localhost:5000/charts');
    assert.equal(chartRepoKey(parse('https://charts.example.com/')), 'https://charts.example.com');
  });
  it('refuses credentials in the URL', () => {
    assert.throws(() => parse('https://user:secret@charts.example.com'), /must not contain credentials/);
    assert.throws(() => parse('oci://user:secret@ghcr.io/acme'), /must not contain credentials/);
  });
  it('refuses other schemes and malformed registries', () => {
    assert.throws(() => parse('file:///etc/charts'), /https:\/\/, http:\/\/ or oci:\/\//);
    assert.throws(() => parse('oci://../x'), /expected an OCI registry host/);
    assert.throws(() => parse('oci://ghcr.io/acme/../x'), /expected an OCI repository path/);
  });
});

describe('checkChartName', () => {
  it('accepts chart names', () => assert.doesNotThrow(() => checkChartName('ingress-nginx', 'chart')));
  it('refuses names that could be a path or a flag', () => {
    for (const name of ['../x', '-x', 'a/b', 'x y', '']) assert.throws(() => checkChartName(name, 'chart'), /expected a chart name/);
  });
});
