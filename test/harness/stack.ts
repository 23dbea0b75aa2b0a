import { readFileSync } from 'node:fs';
import type { StackInfo } from '../../infra/local/stack.js';

function load(): StackInfo {
  const file = process.env.SLUICE_STACK;
  if (!file) throw new Error('SLUICE_STACK is not set: run integration tests through `npm test` (e.g. `npm test -- test/smoke`), which starts the stack.');
  return JSON.parse(readFileSync(file, 'utf8')) as StackInfo;
}

/** The running real-services stack started by test/run.ts. */
export const stack: StackInfo = load();
