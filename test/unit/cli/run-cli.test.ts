import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { commands, ExitCode, runCli } from '../../../lib/cli/index.js';
import { captureIo } from './capture-io.js';

describe('running the CLI in process: help, usage errors and exit codes', () => {
  it('prints help on stdout and exits 0 for every command', async () => {
    for (const command of commands) {
      const io = captureIo();
      assert.equal(await runCli([...command.path, '--help'], io), ExitCode.ok);
      assert.match(io.stdout.text, new RegExp(`Usage: sluice ${command.path.join(' ')}`));
      assert.match(io.stdout.text, /-o, --output <json\|yaml>/);
      assert.equal(io.stderr.text, '');
    }
  });

  it('lists every command in the top-level help', async () => {
    const io = captureIo();
    assert.equal(await runCli(['--help'], io), 0);
    for (const command of commands) assert.match(io.stdout.text, new RegExp(`^  ${command.path.join(' ')}\\s+${command.summary.slice(0, 20).replace(/[()]/g, '.')}`, 'm'));
  });

  it('exits 2 on an unknown flag, pointing at the command\'s help', async () => {
    const io = captureIo();
    assert.equal(await runCli(['app', 'list', '--colour'], io), ExitCode.error);
    assert.equal(io.stderr.text, "sluice: unknown flag --colour for sluice app list\nRun 'sluice app list --help' for usage.\n");
    assert.equal(io.stdout.text, '');
  });

  it('exits 2 on an unknown output format', async () => {
    const io = captureIo();
    assert.equal(await runCli(['app', 'list', '-o', 'wide'], io), 2);
    assert.match(io.stderr.text, /-o "wide": unknown output format; use -o json or -o yaml/);
  });

  it('exits 2 when remote mode has no token, naming the variable', async () => {
    const io = captureIo({ SLUICE_SERVER: 'https://sluice.example' });
    assert.equal(await runCli(['app', 'list'], io), 2);
    assert.match(io.stderr.text, /--token: the status API at https:\/\/sluice.example needs a token; set SLUICE_TOKEN/);
  });

  it('refuses --local with --revision, and --timeout that is not a number', async () => {
    const both = captureIo();
    assert.equal(await runCli(['app', 'diff', 'web', '--local', '.', '--revision', 'main'], both), 2);
    assert.match(both.stderr.text, /--local and --revision: give one/);
    const timeout = captureIo({ SLUICE_SERVER: 'https://sluice.example', SLUICE_TOKEN: 't' });
    assert.equal(await runCli(['app', 'wait', 'web', '--timeout', '5m'], timeout), 2);
    assert.match(timeout.stderr.text, /--timeout "5m": give a number of seconds/);
  });

  it('history in local mode says it needs remote mode, exit 2', async () => {
    const io = captureIo();
    assert.equal(await runCli(['app', 'history', 'web'], io), 2);
    assert.match(io.stderr.text, /^sluice: sluice app history needs remote mode: history is recorded by the worker/);
  });

  it('names an unreachable server and the flag to fix it, exit 2, never the token', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const io = captureIo({ SLUICE_TOKEN: 'secret-token-value' });
    assert.equal(await runCli(['app', 'list', '--server', `http://127.0.0.1:${closed}`], io), 2);
    assert.match(io.stderr.text, new RegExp(`--server http://127.0.0.1:${closed}: cannot reach the status API \\(ECONNREFUSED\\); check --server or SLUICE_SERVER`));
    assert.ok(!io.stderr.text.includes('secret-token-value'));
  });

  it('prints its version', async () => {
    const io = captureIo();
    assert.equal(await runCli(['--version'], io), 0);
    assert.match(io.stdout.text, /^sluice \d+\.\d+\.\d+\n$/);
  });
});
