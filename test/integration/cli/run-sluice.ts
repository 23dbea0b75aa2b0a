import { spawn } from 'node:child_process';
import { repoRoot } from '../../../infra/local/paths.js';

export interface SluiceRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Variables that would pick a mode or a server for the child unless a test sets them itself. */
const modeVariables = ['SLUICE_SERVER', 'SLUICE_TOKEN', 'SLUICE_APPS', 'KUBECONFIG', 'NO_COLOR'];

/**
 * Runs `node --import tsx bin/sluice.ts <args>` as a child process, so exit code, stdout and stderr are the real
 * ones (stdout is a pipe, not a terminal). Asynchronous: the status API may be served by this same process.
 */
export function sluice(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<SluiceRun> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !modeVariables.includes(name)));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bin/sluice.ts', ...args], {
      cwd: repoRoot, env: { ...base, SLUICE_POLL_INTERVAL_MS: '250', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** For assertion messages: what the command printed. */
export function shown(run: SluiceRun): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}
