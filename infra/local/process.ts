import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ManagedProcessOptions {
  name: string;
  command: string;
  args: string[];
  /** Everything the process prints goes here. */
  logFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** A long-running child process whose output goes to a log file and whose early death is reported with that log. */
export class ManagedProcess {
  readonly name: string;
  readonly logFile: string;
  private readonly child: ChildProcess;
  private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exitPromise: Promise<void>;

  constructor(options: ManagedProcessOptions) {
    this.name = options.name;
    this.logFile = options.logFile;
    const log = createWriteStream(options.logFile, { flags: 'a' });
    this.child = spawn(options.command, options.args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.pipe(log);
    this.child.stderr?.pipe(log);
    this.exitPromise = new Promise((resolveExit) => {
      this.child.on('exit', (code, signal) => {
        this.exited = { code, signal };
        resolveExit();
      });
      this.child.on('error', (error) => {
        log.write(`\n[sluice] could not start ${options.command}: ${error.message}\n`);
        this.exited = { code: -1, signal: null };
        resolveExit();
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exited === undefined;
  }

  /** The last lines of the log, for error messages. */
  tail(lines = 30): string {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  /** Polls `check` until it returns true; fails early with the log tail if the process dies. */
  async waitUntil(check: () => Promise<boolean>, timeoutMs: number, what = 'ready'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) {
        throw new Error(`${this.name} exited (${JSON.stringify(this.exited)}) before it was ${what}. Log ${this.logFile}:\n${this.tail()}`);
      }
      if (await check().catch(() => false)) return;
      await sleep(100);
    }
    throw new Error(`${this.name} was not ${what} after ${timeoutMs} ms. Log ${this.logFile}:\n${this.tail()}`);
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const killed = await Promise.race([this.exitPromise.then(() => true), sleep(graceMs).then(() => false)]);
    if (!killed) {
      this.child.kill('SIGKILL');
      await this.exitPromise;
    }
  }
}
