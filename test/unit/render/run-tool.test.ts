import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { describe, it } from 'node:test';
import { RenderError } from '../../../lib/render/index.js';
import { runTool, type ToolRun } from '../../../lib/render/run-tool.js';

/** Node itself stands in for a tool process here: what is tested is the process handling, not a tool. */
const node = (script: string, overrides: Partial<ToolRun> = {}): Promise<string> => runTool({
  bin: process.execPath, args: ['-e', script], cwd: tmpdir(), timeoutMs: 10_000, where: 'apps/web', command: 'demo tool', ...overrides,
});

describe('runTool', () => {
  it('returns stdout', async () => {
    assert.equal(await node('process.stdout.write("kind: A\\n")'), 'kind: A\n');
  });

  it('reports a failure with the app path and the trimmed stderr, credentials removed', async () => {
    await assert.rejects(node('console.error("  fatal: cannot fetch https://bot:hunter2@git.example.com/x.git  "); process.exit(2)'), (error: Error) => {
      assert.ok(error instanceof RenderError);
      assert.equal(error.message, 'apps/web: demo tool failed: fatal: cannot fetch https://git.example.com/x.git');
      return true;
    });
  });

  it('replaces scratch paths in messages with what they stand for', async () => {
    await assert.rejects(node('console.error("bad file /tmp/scratch-123/values.yaml"); process.exit(1)', { replacements: [['/tmp/scratch-123/values.yaml', '<values>']] }),
      /failed: bad file <values>$/);
  });

  it('kills a tool that runs past the timeout', async () => {
    const started = Date.now();
    await assert.rejects(node('setTimeout(() => {}, 30000)', { timeoutMs: 300 }), /^RenderLimitError: apps\/web: demo tool did not finish within 0.3 s and was stopped, over the limit of 300 ms \(toolTimeoutMs\); .* SLUICE_RENDER_TOOL_TIMEOUT_MS/);
    assert.ok(Date.now() - started < 5000);
  });

  it('stops a tool that prints more than its output limit', async () => {
    await assert.rejects(node('process.stdout.write("x".repeat(4096))', { maxOutputBytes: 1024 }),
      /^RenderLimitError: apps\/web: demo tool printed more than 1 KiB and was stopped, over the limit of 1 KiB \(maxToolOutputBytes\)/);
  });

  it('refuses output that is not UTF-8', async () => {
    await assert.rejects(node('process.stdout.write(Buffer.from([0x6b, 0x0a, 0xff, 0xfe]))'), /^RenderError: apps\/web \(demo tool output\):2: not valid UTF-8 \(byte 2\)/);
  });

  it('says so when the binary does not exist', async () => {
    await assert.rejects(node('', { bin: '/nonexistent/helm' }), /^RenderError: apps\/web: helm was not found \(looked for "\/nonexistent\/helm"\)/);
  });

  it('does not hand the caller\'s environment to the tool', async () => {
    process.env.SLUICE_TEST_SECRET = 'do-not-pass';
    try {
      assert.equal(await node('process.stdout.write(String(process.env.SLUICE_TEST_SECRET))'), 'undefined');
    } finally {
      delete process.env.SLUICE_TEST_SECRET;
    }
  });
});
