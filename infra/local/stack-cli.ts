/**
 * `npm run stack`: starts the real-services stack and keeps it running until Ctrl-C, for development.
 * Point tests at it instead of starting a new one each run:
 *   SLUICE_STACK=~/.cache/sluice/dev-stack.json npm test -- test/integration
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './paths.js';
import { startStack } from './stack.js';

const pointer = join(cacheDir, 'dev-stack.json');
const stack = await startStack();
copyFileSync(stack.file, pointer);
console.log(`stack running; SLUICE_STACK=${pointer}\nkubectl: ${stack.info.tools.kubectl} --kubeconfig ${stack.info.kube.adminKubeconfig}`);
const stop = async () => {
  rmSync(pointer, { force: true });
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
