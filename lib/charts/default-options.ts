import type { ChartFetchOptions } from './types.js';

const number = (text: string | undefined, fallback: number) => (text && /^\d+$/.test(text) ? Number(text) : fallback);

/** Fetch options from the environment: SLUICE_CHART_TIMEOUT_SECONDS (30), SLUICE_MAX_CHART_BYTES (20 MiB). */
export function chartFetchDefaults(env: NodeJS.ProcessEnv = process.env): Pick<ChartFetchOptions, 'timeoutMs' | 'maxBytes' | 'allowLoopbackUrls'> {
  return {
    timeoutMs: number(env.SLUICE_CHART_TIMEOUT_SECONDS, 30) * 1000,
    maxBytes: number(env.SLUICE_MAX_CHART_BYTES, 20 * 1024 * 1024),
    allowLoopbackUrls: /^(1|true|yes)$/i.test(env.SLUICE_ALLOW_LOOPBACK_URLS ?? ''),
  };
}
