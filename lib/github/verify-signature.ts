import { Webhooks } from '@octokit/webhooks';

/**
 * Whether `signature` (an `X-Hub-Signature-256` value) is GitHub's HMAC-SHA256 of `body` with `secret`.
 * The comparison is @octokit/webhooks' constant-time one. Only `sha256=` is accepted: the legacy SHA-1
 * `X-Hub-Signature` is never consulted. Any failure to verify (empty body, malformed value) is a plain false.
 */
export async function verifySignature(secret: string, body: string, signature: string | undefined): Promise<boolean> {
  if (!signature?.startsWith('sha256=') || body === '' || secret === '') return false;
  try {
    return await new Webhooks({ secret }).verify(body, signature);
  } catch {
    return false;
  }
}
