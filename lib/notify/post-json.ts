import { NotifyError } from './errors.js';

export interface PostOptions {
  /** Gives up after this long; default 5 s (a job waits for its notifications). */
  timeoutMs?: number;
}

/**
 * POSTs `body` as JSON to `url`; a non-2xx answer or a network failure is a NotifyError naming `target`
 * (e.g. "Slack incoming webhook") and the HTTP status, never the URL or the answer's body.
 */
export async function postJson(target: string, url: string, body: unknown, options: PostOptions = {}): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'no answer in time' : 'could not connect';
    throw new NotifyError(`${target}: ${reason}`);
  }
  await response.body?.cancel().catch(() => undefined);
  if (!response.ok) throw new NotifyError(`${target}: answered HTTP ${response.status}`);
}
