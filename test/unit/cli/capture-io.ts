import type { CliIo, OutputStream } from '../../../lib/cli/index.js';

export interface CapturedStream extends OutputStream {
  text: string;
}

export function capturedStream(isTTY = false): CapturedStream {
  const stream = { text: '', isTTY, write(chunk: string) { stream.text += chunk; return true; } };
  return stream;
}

/** An io whose output is kept for assertions; no terminal unless asked, no environment unless given. */
export function captureIo(env: NodeJS.ProcessEnv = {}, tty = false): CliIo & { stdout: CapturedStream; stderr: CapturedStream } {
  return { stdout: capturedStream(tty), stderr: capturedStream(tty), env, cwd: '/work' };
}
