/**
 * A secret that may not exist: read through `read` (a cached SecretStore), `undefined` when Secrets Manager
 * says it does not exist. That answer is remembered for `absentForMs`, so a stage without Slack or GitHub
 * does not ask on every job; any other failure (access denied, throttling) is thrown for the caller to log.
 */
export function optionalSecret(read: (secretId: string) => Promise<string>, secretId: string, absentForMs = 300_000): () => Promise<string | undefined> {
  let absentUntil = 0;
  return async () => {
    if (Date.now() < absentUntil) return undefined;
    try {
      const value = (await read(secretId)).trim();
      return value === '' ? undefined : value;
    } catch (error) {
      if (!isNotFound(error)) throw error;
      absentUntil = Date.now() + absentForMs;
      return undefined;
    }
  };
}

/** Whether an error, or one it was caused by, is Secrets Manager's ResourceNotFoundException. */
function isNotFound(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current.name === 'ResourceNotFoundException') return true;
  }
  return false;
}
