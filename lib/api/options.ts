export interface ApiOptions {
  /** Larger bodies are answered 413 before anything else is read. */
  maxBodyBytes: number;
}

export const defaultMaxBodyBytes = 64 * 1024;

export function defaultApiOptions(overrides: Partial<ApiOptions> = {}): ApiOptions {
  return { maxBodyBytes: defaultMaxBodyBytes, ...overrides };
}
