import type { OutputStream } from '../io.js';

/** Colour only on a terminal, and never when NO_COLOR is set to anything but the empty string (no-color.org). */
export function colourEnabled(stream: OutputStream, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

export type Style = (text: string) => string;

export interface Painter {
  enabled: boolean;
  bold: Style;
  dim: Style;
  red: Style;
  green: Style;
  yellow: Style;
  cyan: Style;
  /** Green for good states, yellow for in-between, red for bad, dim for unknown. */
  status: Style;
}

const sgr = (open: number, close: number): Style => (text) => (text ? `\x1b[${open}m${text}\x1b[${close}m` : text);
const plain: Style = (text) => text;

const good = new Set(['Synced', 'Healthy', 'Succeeded', 'unchanged', 'created', 'configured', 'pruned']);
const between = new Set(['OutOfSync', 'Progressing', 'Suspended', 'Running', 'skipped', 'create', 'configure', 'prune']);
const bad = new Set(['Degraded', 'Missing', 'Failed', 'Error', 'failed']);

export function painter(enabled: boolean): Painter {
  if (!enabled) return { enabled, bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain, status: plain };
  const [bold, dim, red, green, yellow, cyan] = [sgr(1, 22), sgr(2, 22), sgr(31, 39), sgr(32, 39), sgr(33, 39), sgr(36, 39)];
  const status: Style = (text) => (good.has(text) ? green(text) : between.has(text) ? yellow(text) : bad.has(text) ? red(text) : dim(text));
  return { enabled, bold, dim, red, green, yellow, cyan, status };
}

/** Text without colour codes, for measuring column widths. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}
