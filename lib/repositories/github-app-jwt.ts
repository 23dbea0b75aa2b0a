import { sign, type KeyObject } from 'node:crypto';

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/**
 * The JSON Web Token a GitHub App authenticates as itself with: RS256, issued 60 s in the past (for clock drift, as
 * GitHub advises) and valid 10 minutes from then, GitHub's maximum. `iss` is the app id.
 */
export function githubAppJwt(appId: string, privateKey: string | KeyObject, nowMs = Date.now()): string {
  const now = Math.floor(nowMs / 1000);
  const signed = `${base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${base64url(JSON.stringify({ iat: now - 60, exp: now + 540, iss: appId }))}`;
  return `${signed}.${sign('sha256', Buffer.from(signed), privateKey).toString('base64url')}`;
}
