/**
 * `npm test`: starts the real-services stack once (building it the first time), runs every test file
 * against it with node's test runner, stops the stack, and ends with a plain "N passed, N failed" line.
 *   npm test                      all tests
 *   npm test -- test/unit         only these files or folders (no stack when all are unit tests)
 *   SLUICE_STACK=file npm test    use a stack that is already running (`npm run stack`)
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { startStack, type LocalStack } from '../infra/local/stack.js';
import { repoRoot } from '../infra/local/paths.js';
import { lambdaNode } from '../infra/build/lambda-node.js';

function testFiles(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? testFiles(join(path, entry.name)) : entry.name.endsWith('.test.ts') ? [join(path, entry.name)] : []))
    .sort();
}

const selected = (process.argv.length > 2 ? process.argv.slice(2) : ['test']).flatMap((p) => testFiles(resolve(repoRoot, p)));
/** Folders whose tests need no running services. */
const stackless = [join('test', 'unit'), join('test', 'package'), join('test', 'harness')];
const needsStack = selected.some((file) => !stackless.some((dir) => relative(repoRoot, file).startsWith(dir)));
const counts = { pass: 0, fail: 0, cancelled: 0, skipped: 0 };

/** The tests run on Lambda's Node.js, whatever this machine's is. */
const node = lambdaNode();

function runNodeTest(stackFile: string | undefined): Promise<number> {
  return new Promise((resolveRun) => {
    const child = spawn(node, [
      '--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', '--test-timeout=900000', ...selected,
    ], { cwd: repoRoot, env: { ...process.env, ...(stackFile ? { SLUICE_STACK: stackFile } : {}) }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      for (const match of chunk.toString().matchAll(/^ℹ (pass|fail|cancelled|skipped) (\d+)$/gm)) counts[match[1] as keyof typeof counts] = Number(match[2]);
    });
    child.on('close', (code) => resolveRun(code ?? 1));
  });
}

let stack: LocalStack | undefined;
let exitCode = 1;
const stopStack = async () => { await stack?.stop(); stack = undefined; };
process.on('SIGINT', () => void stopStack().then(() => process.exit(130)));
process.on('SIGTERM', () => void stopStack().then(() => process.exit(143)));
try {
  // SLUICE_STACK names a stack that is already running (see `npm run stack`); otherwise start one.
  if (needsStack && !process.env.SLUICE_STACK) stack = await startStack();
  exitCode = await runNodeTest(stack?.file ?? process.env.SLUICE_STACK);
} catch (error) {
  console.error(`\nthe test stack did not start: ${(error as Error).message}`);
  counts.fail += 1;
} finally {
  await stopStack();
}
if (exitCode !== 0 && counts.fail + counts.cancelled === 0) counts.fail = 1; // the runner itself failed
console.log(`\nsluice: ${counts.pass} passed, ${counts.fail + counts.cancelled} failed, ${counts.skipped} skipped`);
process.exit(exitCode);
