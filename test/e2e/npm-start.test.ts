import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { repoRoot } from '../../infra/local/paths.js';
import { waitFor } from '../harness/wait.js';

describe('npm start', () => {
  it('brings up the local loop, syncs every example app, and stops cleanly on Ctrl-C', async () => {
    // The demo starts a stack of its own, beside the one the tests use.
    const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
      cwd: repoRoot, env: { ...process.env, SLUICE_STACK: '', POWERTOOLS_LOG_LEVEL: 'ERROR' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
    try {
      await waitFor('npm start to say Sluice is running', async () => output.includes('Press Ctrl-C to stop.'), 240_000, 250);
      const readyLine = /all example apps Synced and Healthy after ([\d.]+) s/.exec(output);
      assert.ok(readyLine, `npm start did not report the apps ready:\n${output.slice(-2000)}`);
      console.log(`npm start → all example apps Synced and Healthy: ${readyLine[1]} s`);

      const [, api, token] = /Status API\s+(\S+)\/apps\s+\(Authorization: Bearer (\S+)\)/.exec(output) ?? [];
      assert.ok(api && token, 'the status API URL and token are printed');
      const res = await fetch(`${api}/apps`, { headers: { authorization: `Bearer ${token}` } });
      const { apps } = await res.json() as { apps: { name: string; sync: string; health: string }[] };
      assert.deepEqual(apps.map((a) => `${a.name} ${a.sync} ${a.health}`).sort(), [
        'guestbook-helm Synced Healthy', 'guestbook-kustomize Synced Healthy', 'guestbook-plain Synced Healthy',
      ]);
    } finally {
      child.kill('SIGINT');
    }
    assert.equal(await exited, 0, `npm start should exit 0 on Ctrl-C:\n${output.slice(-1500)}`);
    assert.match(output, /stopping\.\.\./);
  });
});
