import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { redactText } from '../source/index.js';
import { RenderError } from './errors.js';
import { defaultRenderLimits, formatBytes, limitError } from './limits.js';
import { decodeUtf8 } from './utf8.js';

export interface ToolRun {
  bin: string;
  args: string[];
  cwd: string;
  timeoutMs: number;
  /** Start of any error message: the file or path the user should look at. */
  where: string;
  /** The command as a user would name it, e.g. `helm template`. */
  command: string;
  /** Extra environment; the tool otherwise sees only PATH and HOME, never the caller's secrets. */
  env?: Record<string, string>;
  /** Absolute scratch paths to replace in the tool's messages with what they stand for. */
  replacements?: Array<[string, string]>;
  /** Bytes the tool may print on stdout (and on stderr); default the maxToolOutputBytes limit's default. */
  maxOutputBytes?: number;
  /** Written to the tool's stdin (then closed); absent: stdin is closed at once. */
  stdin?: string;
}
const maxMessage = 4000;

/** Drops what tools print after the error itself: cobra's usage text and helm's hint about its own --debug flag. */
function withoutToolHelp(text: string): string {
  return text.split(/\n\s*Usage:\s*\n/)[0]!.replace(/^Use --debug flag.*$/gm, '').trim();
}

function cleanMessage(text: string, replacements: Array<[string, string]>): string {
  let cleaned = redactText(withoutToolHelp(text.trim()));
  for (const [from, to] of replacements) cleaned = cleaned.split(from).join(to);
  return cleaned.length > maxMessage ? `${cleaned.slice(0, maxMessage)}…` : cleaned;
}

/**
 * Runs a render tool without a shell and returns its stdout, which must be UTF-8. Failures and a missing binary become
 * RenderErrors; running past the time limit or printing past the output limit become RenderLimitErrors.
 */
export function runTool(run: ToolRun): Promise<string> {
  const env = { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin', HOME: tmpdir(), ...run.env };
  const maxOutput = run.maxOutputBytes ?? defaultRenderLimits().maxToolOutputBytes;
  return new Promise((resolve, reject) => {
    const child = execFile(run.bin, run.args, {
      cwd: run.cwd, env, timeout: run.timeoutMs, killSignal: 'SIGKILL', maxBuffer: maxOutput, encoding: 'buffer', windowsHide: true,
    }, (error, stdoutBytes, stderrBytes) => {
      if (!error) {
        try {
          return resolve(decodeUtf8(stdoutBytes, `${run.where} (${run.command} output)`));
        } catch (invalid) {
          return reject(invalid);
        }
      }
      const stderr = stderrBytes.toString('utf8');
      const failure = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string };
      if (failure.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
        return reject(limitError('maxToolOutputBytes', run.where, `${run.command} printed more than ${formatBytes(maxOutput)} and was stopped`,
          formatBytes(maxOutput), 'render less per application'));
      }
      const replacements = run.replacements ?? [];
      if (failure.code === 'ENOENT' && !stderr) {
        return reject(new RenderError(`${run.where}: ${basename(run.bin)} was not found (looked for ${JSON.stringify(run.bin)}); ` +
          'install it or point the render options at it'));
      }
      if (failure.killed || failure.signal === 'SIGKILL') {
        return reject(limitError('toolTimeoutMs', run.where, `${run.command} did not finish within ${run.timeoutMs / 1000} s and was stopped`,
          `${run.timeoutMs} ms`, 'make the chart or overlay cheaper to render'));
      }
      const detail = cleanMessage(stderr || failure.message, replacements);
      reject(new RenderError(`${run.where}: ${run.command} failed: ${detail}`));
    });
    // A tool that exits before reading all of stdin makes the write fail (EPIPE): its exit status tells why.
    child.stdin?.on('error', () => {});
    child.stdin?.end(run.stdin ?? '');
  });
}
