import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../../infra/local/paths.js';
import { ensurePythonTool } from '../../infra/local/python-tools.js';

const run = promisify(execFile);
const out = mkdtempSync(join(tmpdir(), 'sluice-package-'));
// No AWS credentials of any kind: packaging must work offline.
const offline = {
  ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '', AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null', SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off',
};

describe('serverless package', () => {
  before(async () => {
    await run('npx', ['serverless', 'package', '--package', out], { cwd: repoRoot, env: offline });
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it('produces a template that cfn-lint accepts', async () => {
    const template = join(out, 'cloudformation-template-update-stack.json');
    const result = await run(ensurePythonTool('cfn-lint'), ['--format', 'parseable', template], { cwd: repoRoot }).catch((error: { stdout: string; code: number }) => error);
    assert.equal('code' in result ? result.code : 0, 0, `cfn-lint found problems:\n${result.stdout}`);
  });

  it('bundles each function on its own as ESM', () => {
    const zips = readdirSync(out).filter((f) => f.endsWith('.zip'));
    assert.ok(zips.length > 0, 'no function bundles');
    for (const zip of zips) assert.ok(statSync(join(out, zip)).size > 0, `${zip} is empty`);
  });
});
