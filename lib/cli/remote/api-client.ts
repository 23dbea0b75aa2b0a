import { CliError } from '../errors.js';

/** A status API answer that is not a success; `code` is the API's error code (NotFound, Forbidden, ...). */
export class ApiRequestError extends CliError {
  override name = 'ApiRequestError';
  constructor(message: string, readonly status: number, readonly code: string) {
    super(message);
  }
}

export interface ApiClientOptions {
  /** Per request; a diff renders and compares, which can take a while. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** JSON over HTTP to the status API with the bearer token; errors name the server, never the token. */
export class StatusApiClient {
  readonly #token: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;

  constructor(readonly server: string, token: string, options: ApiClientOptions = {}) {
    this.#token = token;
    this.#fetch = options.fetch ?? fetch;
    this.#timeoutMs = options.timeoutMs ?? 120_000;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path).then((r) => r.body);
  }

  post<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
    return this.request<T>('POST', path, body);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const url = `${this.server}${path}`;
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method,
        headers: { authorization: `Bearer ${this.#token}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      throw new CliError(`--server ${this.server}: ${describeFetchFailure(error, this.#timeoutMs)}; check --server or SLUICE_SERVER`);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new CliError(`--server ${this.server}: ${method} ${path} answered ${response.status} with a body that is not JSON; is this the Sluice status API?`);
    }
    if (response.ok) return { status: response.status, body: parsed as T };
    throw this.#failure(response.status, parsed);
  }

  #failure(status: number, body: unknown): ApiRequestError {
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    const code = error?.code ?? `HTTP ${status}`;
    const message = error?.message ?? `answered ${status}`;
    if (status === 401) return new ApiRequestError(`--token: the status API at ${this.server} does not accept the token (401); check SLUICE_TOKEN or --token`, status, code);
    if (status === 403) return new ApiRequestError(`--token: ${message} (403); ask for a token with the operate role`, status, code);
    return new ApiRequestError(message, status, code);
  }
}

function describeFetchFailure(error: unknown, timeoutMs: number): string {
  const { name } = error as Error;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return `cannot reach the status API (${cause?.code ?? cause?.message ?? (error as Error).message})`;
}
