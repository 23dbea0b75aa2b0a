import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../../infra/local/paths.js';

const run = promisify(execFile);

/** Runs infra/build/ensure-chromium.sh (installs Debian's chromium on a fresh machine) and returns the binary. */
export async function ensureChromium(): Promise<string> {
  try {
    const { stdout } = await run(join(repoRoot, 'infra/build/ensure-chromium.sh'), [], { encoding: 'utf8', timeout: 15 * 60_000 });
    const path = stdout.trim().split('\n').at(-1);
    if (!path) throw new Error('ensure-chromium.sh printed no path');
    return path;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`Chromium is not available for the browser tests: ${stderr?.trim() || message}`);
  }
}

/**
 * Headless Chromium with a fresh profile each time (so no cookie survives between calls), and without any
 * network traffic of its own: this machine's network is closed, and these flags keep Chromium from waiting on it.
 * Never blocks the event loop: the server it loads may run in this same process.
 */
async function chromium(binary: string, args: string[]): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'sluice-chromium-'));
  try {
    const { stdout } = await run(binary, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--hide-scrollbars', `--user-data-dir=${profile}`, ...args,
    ], { encoding: 'utf8', timeout: 90_000, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The DOM after the page (and any redirect) loaded. */
export function dumpDom(binary: string, url: string): Promise<string> {
  return chromium(binary, ['--dump-dom', url]);
}

/** A PNG of the viewport, `width`×`height` CSS pixels at scale 1. */
export async function screenshot(binary: string, url: string, file: string, size: { width: number; height: number }): Promise<void> {
  await chromium(binary, [`--screenshot=${file}`, `--window-size=${size.width},${size.height}`, url]);
}
