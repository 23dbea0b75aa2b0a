import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from '../../infra/local/paths.js';
import { stack } from '../harness/stack.js';

const fixtures = join(repoRoot, 'test', 'fixtures');

function kindsAndNames(out: string): string[] {
  return parseAllDocuments(out)
    .map((doc) => doc.toJS() as { kind: string; metadata: { name: string } } | null)
    .filter((o) => o !== null)
    .map((o) => `${o.kind}/${o.metadata.name}`)
    .sort();
}

describe('render tools built by the stack', () => {
  it('helm template renders the chart with a values file', () => {
    const out = execFileSync(stack.tools.helm, ['template', 'demo', join(fixtures, 'helm', 'guestbook'),
      '--values', join(fixtures, 'helm', 'guestbook', 'values-prod.yaml')], { encoding: 'utf8' });
    assert.deepEqual(kindsAndNames(out), ['ConfigMap/demo-greeting', 'Deployment/demo-guestbook', 'Service/demo-guestbook']);
    assert.match(out, /replicas: 3/);
    assert.match(out, /greeting: "hello from prod"/);
  });

  it('kustomize build renders an overlay with a generated ConfigMap', () => {
    const out = execFileSync(stack.tools.kustomize, ['build', join(fixtures, 'kustomize', 'guestbook', 'overlays', 'prod')], { encoding: 'utf8' });
    const names = kindsAndNames(out);
    assert.ok(names.some((n) => /^ConfigMap\/prod-greeting-[a-z0-9]+$/.test(n)), names.join(', '));
    assert.ok(names.includes('Deployment/prod-guestbook'));
    assert.match(out, /replicas: 3/);
  });

  it('sluice-jsonnet evaluates a file with a top-level argument and refuses an import out of the source', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-smoke-jsonnet-'));
    try {
      writeFileSync(join(dir, 'main.jsonnet'), "function(name) [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: name } }]");
      writeFileSync(join(dir, 'bad.jsonnet'), "importstr '/etc/passwd'");
      const request = (file: string) => {
        const path = join(dir, `${file}.json`);
        writeFileSync(path, JSON.stringify({ root: dir, file: join(dir, file), jpaths: [dir], extVars: [], tlas: [{ name: 'name', value: 'smoke', code: false }] }));
        return path;
      };
      const out = execFileSync(stack.tools.jsonnet, [request('main.jsonnet')], { encoding: 'utf8' });
      assert.deepEqual(kindsAndNames(out), ['ConfigMap/smoke']);
      assert.throws(() => execFileSync(stack.tools.jsonnet, [request('bad.jsonnet')], { encoding: 'utf8', stdio: 'pipe' }), /absolute path/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
