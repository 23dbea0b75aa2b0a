import { createPrivateKey } from 'node:crypto';
import { RepositoryError } from './errors.js';
import type { RepositorySecret } from './types.js';

const digits = /^[1-9][0-9]{0,19}$/;

/** A GitHub App or installation id: digits, given as a string or a number (Argo CD's secrets hold strings). */
function id(value: unknown): string | undefined {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  return typeof text === 'string' && digits.test(text.trim()) ? text.trim() : undefined;
}

/** Whether `pem` is an RSA private key node:crypto can sign with (GitHub Apps' keys are). */
export function isRsaPrivateKey(pem: string): boolean {
  try {
    return createPrivateKey(pem).asymmetricKeyType === 'rsa';
  } catch {
    return false;
  }
}

/**
 * Validates the JSON of a repository secret (`what` names it: the secret id, or the command-line flags). Errors
 * name the field and what is wrong, never a value.
 */
export function parseRepositorySecret(text: string, what: string): RepositorySecret {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RepositoryError(`${what}: not JSON; store repository credentials with \`sluice repo add\``);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RepositoryError(`${what}: not a JSON object; store repository credentials with \`sluice repo add\``);
  const fields = value as Record<string, unknown>;
  const bad = (field: string, why: string) => new RepositoryError(`${what}: ${field} ${why}`);
  const url = fields.url;
  if (typeof url !== 'string' || !url.trim()) throw bad('url', 'must be the repository URL (or a template\'s URL prefix)');
  if (fields.githubAppID !== undefined || fields.githubAppPrivateKey !== undefined) {
    const githubAppID = id(fields.githubAppID);
    const githubAppInstallationID = id(fields.githubAppInstallationID);
    const key = fields.githubAppPrivateKey;
    if (!githubAppID) throw bad('githubAppID', 'must be the GitHub App\'s numeric id');
    if (!githubAppInstallationID) throw bad('githubAppInstallationID', 'must be the numeric id of the app\'s installation');
    if (typeof key !== 'string' || !isRsaPrivateKey(key)) throw bad('githubAppPrivateKey', 'must be the GitHub App\'s RSA private key in PEM, as GitHub generated it');
    const base = fields.githubAppEnterpriseBaseUrl;
    if (base !== undefined && (typeof base !== 'string' || !base.trim())) throw bad('githubAppEnterpriseBaseUrl', 'must be a URL, https://<host>/api/v3');
    return { type: 'github-app', url, githubAppID, githubAppInstallationID, githubAppPrivateKey: key, ...(typeof base === 'string' ? { githubAppEnterpriseBaseUrl: base.trim() } : {}) };
  }
  const { username, password } = fields;
  if (typeof password !== 'string' || !password) throw bad('password', 'must be the password or token (or give githubAppID, githubAppInstallationID and githubAppPrivateKey)');
  if (username !== undefined && (typeof username !== 'string' || /[:\s]/.test(username))) throw bad('username', 'must be a user name without spaces or ":"');
  // Argo CD's repository type: `type: helm` (with `enableOCI: "true"` for a registry); anything else is Git.
  const helm = fields.type === 'helm' ? { repositoryType: 'helm' as const, ...(fields.enableOCI === true || fields.enableOCI === 'true' ? { enableOCI: true } : {}) } : {};
  return { type: 'https', url, password, ...(username ? { username } : {}), ...helm };
}
