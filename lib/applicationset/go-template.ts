import { tmpdir } from 'node:os';
import { runTool } from '../render/index.js';
import { TemplateError } from './errors.js';
import type { Params } from './types.js';

export interface GoTemplateOptions {
  /** The sluice-appset-template binary; default SLUICE_APPSET_TEMPLATE, else on PATH (the render-tools layer's /opt/bin). */
  bin?: string;
  /** Argo CD's goTemplateOptions, e.g. `missingkey=error`. */
  options: readonly string[];
  /** Per run of the tool; default 30 s. */
  timeoutMs?: number;
  /** Bytes one item's rendered strings may add up to; default 1 MiB. */
  maxItemBytes?: number;
  /** Bytes the tool may print for a whole batch; default 64 MiB. */
  maxOutputBytes?: number;
  /** Start of every message: the ApplicationSet. */
  where: string;
}

export type GoTemplateResult = { value: unknown; error?: undefined } | { error: string; value?: undefined };

/**
 * Renders values with Go's text/template and the sprig functions Argo CD allows, in one run of the
 * sluice-appset-template tool for the whole batch: each string (and mapping key) of each value is executed with its
 * parameter set, as Argo CD's ApplicationSet controller does. One item failing (`missingkey=error` on a missing key, a
 * parse error) is that item's `error`; the tool failing or running past its limits throws.
 */
export async function renderGoTemplates(items: readonly { value: unknown; params: Params }[], options: GoTemplateOptions): Promise<GoTemplateResult[]> {
  if (items.length === 0) return [];
  const request = JSON.stringify({ options: options.options, maxBytes: options.maxItemBytes ?? 1024 * 1024, items });
  const stdout = await runTool({
    bin: options.bin ?? process.env.SLUICE_APPSET_TEMPLATE ?? 'sluice-appset-template',
    args: [], cwd: tmpdir(), stdin: request, timeoutMs: options.timeoutMs ?? 30_000,
    where: options.where, command: 'Go template', maxOutputBytes: options.maxOutputBytes ?? 64 * 1024 * 1024,
  });
  let answer: { items?: GoTemplateResult[] };
  try {
    answer = JSON.parse(stdout) as { items?: GoTemplateResult[] };
  } catch {
    throw new TemplateError(`${options.where}: the Go template tool gave an answer that is not JSON`);
  }
  if (!Array.isArray(answer.items) || answer.items.length !== items.length) {
    throw new TemplateError(`${options.where}: the Go template tool answered ${answer.items?.length ?? 0} items for ${items.length}`);
  }
  return answer.items;
}
