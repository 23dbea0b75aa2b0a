import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterSecretName, githubWebhookSecretName, SecretError, slackSigningSecretName } from '../../../lib/secrets/index.js';

describe('secret names', () => {
  it('puts every secret of a stage under sluice/<stage>/', () => {
    assert.equal(clusterSecretName('prod', 'eu-west'), 'sluice/prod/clusters/eu-west');
    assert.equal(githubWebhookSecretName('prod'), 'sluice/prod/github-webhook-secret');
    assert.equal(slackSigningSecretName('dev'), 'sluice/dev/slack-signing-secret');
  });

  it('refuses a cluster name that would escape its place in the name', () => {
    assert.throws(() => clusterSecretName('prod', '../other'), (error: Error) => {
      assert.ok(error instanceof SecretError);
      assert.match(error.message, /^cluster name "\.\.\/other": use only letters, digits and _\+=\.@-/);
      return true;
    });
    assert.throws(() => githubWebhookSecretName(''), SecretError);
  });
});
