#!/usr/bin/env tsx
/** The `sluice` command line: `node --import tsx bin/sluice.ts app list`, or `npx tsx bin/sluice.ts app list`. */
import { runCli } from '../lib/cli/index.js';

let stdoutClosed = false;
// A reader that stops early (`sluice app diff web | head`) closes the pipe: drop the rest, keep the exit code.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

const code = await runCli(process.argv.slice(2));
// Exit once stdout has drained: open AWS SDK or cluster sockets must not keep a finished command alive.
if (stdoutClosed) process.exit(code);
else process.stdout.write('', () => process.exit(code));
