import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './paths.js';

/** Pinned versions, installed only when the machine has no such command of its own. */
export const pythonTools = {
  moto_server: 'moto[server]==5.2.1',
  'cfn-lint': 'cfn-lint==1.51.0',
} as const;

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v "${command}"`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The command to run: the installed one, or one pip-installed once into a virtualenv in the cache. */
export function ensurePythonTool(command: keyof typeof pythonTools, onProgress: (message: string) => void = console.error): string {
  if (onPath(command)) return command;
  const venv = join(cacheDir, 'python-venv');
  const bin = join(venv, 'bin', command);
  if (existsSync(bin)) return bin;
  if (!onPath('python3')) throw new Error(`${command} not found and no python3 to install it: install Python 3 (with venv), then run again.`);
  onProgress(`installing ${pythonTools[command]} into ${venv} (first time only)...`);
  if (!existsSync(join(venv, 'bin', 'pip'))) execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
  execFileSync(join(venv, 'bin', 'pip'), ['install', '--quiet', pythonTools[command]], { stdio: 'inherit' });
  return bin;
}
