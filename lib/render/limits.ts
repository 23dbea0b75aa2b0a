import { RenderLimitError } from './errors.js';
import type { RenderLimits } from './types.js';

/** Each limit's environment variable; the render option `limits.<name>` wins over it. */
export const renderLimitSettings: Record<keyof RenderLimits, string> = {
  maxObjectBytes: 'SLUICE_RENDER_MAX_OBJECT_BYTES',
  maxRenderBytes: 'SLUICE_RENDER_MAX_BYTES',
  maxObjects: 'SLUICE_RENDER_MAX_OBJECTS',
  maxAliasCount: 'SLUICE_RENDER_MAX_ALIAS_COUNT',
  maxDepth: 'SLUICE_RENDER_MAX_DEPTH',
  toolTimeoutMs: 'SLUICE_RENDER_TOOL_TIMEOUT_MS',
  maxToolOutputBytes: 'SLUICE_RENDER_MAX_TOOL_OUTPUT_BYTES',
  maxSourceBytes: 'SLUICE_RENDER_MAX_SOURCE_BYTES',
  maxSourceFiles: 'SLUICE_RENDER_MAX_SOURCE_FILES',
};

const mib = 1024 * 1024;

/**
 * The parser's own recursion gives out somewhere past a thousand levels (and can take the process down with it), so
 * no setting raises the nesting limit beyond this.
 */
export const hardMaxDepth = 500;

export function defaultRenderLimits(): RenderLimits {
  return {
    maxObjectBytes: 2 * mib,
    maxRenderBytes: 32 * mib,
    maxObjects: 5000,
    maxAliasCount: 100,
    maxDepth: 100,
    toolTimeoutMs: 60_000,
    maxToolOutputBytes: 64 * mib,
    maxSourceBytes: 256 * mib,
    maxSourceFiles: 50_000,
  };
}

/** Defaults, then the environment, then the caller's options. A setting that is not a positive number is ignored. */
export function resolveRenderLimits(options: Partial<RenderLimits> = {}, env: NodeJS.ProcessEnv = process.env): RenderLimits {
  const limits = defaultRenderLimits();
  for (const name of Object.keys(limits) as Array<keyof RenderLimits>) {
    const fromEnv = Number(env[renderLimitSettings[name]]);
    const value = options[name] ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : undefined);
    if (value !== undefined && Number.isFinite(value) && value >= 0) limits[name] = value;
  }
  limits.maxDepth = Math.min(limits.maxDepth, hardMaxDepth);
  return limits;
}

/** `2 MiB`, `512 KiB`, `900 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= mib) return `${Math.round((bytes / mib) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}

/**
 * `<where>: <what>, over the limit of <limit> (<name>); <advice>, or raise it with SLUICE_… (render option limits.<name>)`.
 */
export function limitError(name: keyof RenderLimits, where: string, what: string, limit: string, advice: string): RenderLimitError {
  const setting = renderLimitSettings[name];
  return new RenderLimitError(`${where}: ${what}, over the limit of ${limit} (${name}); ${advice}, or raise the limit with ` +
    `${setting} (render option limits.${name})`, name, setting);
}
