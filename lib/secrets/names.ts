/**
 * Secret names in Secrets Manager, one namespace per stage:
 *
 *   sluice/<stage>/clusters/<cluster>       ClusterCredentials JSON of one registered cluster
 *   sluice/<stage>/repositories/<id>        credentials of one Git repository or credential template, JSON
 *   sluice/<stage>/github-webhook-secret    the GitHub webhook HMAC secret, plain text
 *   sluice/<stage>/slack-signing-secret     the Slack app's signing secret, plain text
 *   sluice/<stage>/slack-webhook-url        optional: a Slack incoming webhook for notifications, plain text
 *   sluice/<stage>/github-token             optional: a GitHub token allowed to set commit statuses, plain text
 *
 * IAM can then grant a function exactly the names it needs (e.g. the worker `sluice/<stage>/clusters/*`).
 * A repository's id (`repo-<hash>`, `creds-<hash>` for a template) is made from its URL by lib/repositories.
 */
import { SecretError } from './errors.js';

export const SECRET_ROOT = 'sluice';

// Characters Secrets Manager allows in a name segment (`/` separates segments).
const segment = /^[A-Za-z0-9_+=.@-]+$/;

function checked(what: string, value: string): string {
  if (!segment.test(value)) throw new SecretError(`${what} "${value}": use only letters, digits and _+=.@- (it becomes part of a secret name)`);
  return value;
}

export function clusterSecretName(stage: string, cluster: string): string {
  return `${SECRET_ROOT}/${checked('stage', stage)}/clusters/${checked('cluster name', cluster)}`;
}

export function repositorySecretName(stage: string, id: string): string {
  return `${SECRET_ROOT}/${checked('stage', stage)}/repositories/${checked('repository id', id)}`;
}

export function githubWebhookSecretName(stage: string): string {
  return `${SECRET_ROOT}/${checked('stage', stage)}/github-webhook-secret`;
}

export function slackSigningSecretName(stage: string): string {
  return `${SECRET_ROOT}/${checked('stage', stage)}/slack-signing-secret`;
}

export function slackWebhookUrlSecretName(stage: string): string {
  return `${SECRET_ROOT}/${checked('stage', stage)}/slack-webhook-url`;
}

export function githubTokenSecretName(stage: string): string {
  return `${SECRET_ROOT}/${checked('stage', stage)}/github-token`;
}
