import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { CreateSecretCommand, GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SpecError } from '../../../lib/model/index.js';
import {
  clusterSecretName, getSecretString, githubWebhookSecretName, SecretError, SecretStore, setDefaultSecretStore,
} from '../../../lib/secrets/index.js';
import { awsConfig, staticOf } from '../../harness/aws.js';

const server = 'https://127.0.0.1:6443';
const token = () => `tok-${randomBytes(12).toString('hex')}`;

/** Asserts the error names `secretId` first and contains none of `values`. */
function namesSecretOnly(secretId: string, ...values: string[]) {
  return (error: Error) => {
    assert.ok(error.message.startsWith(secretId) || error.message.startsWith(`secret ${secretId}`), error.message);
    for (const value of values) assert.equal(error.message.includes(value), false, 'the secret value leaked into the message');
    return true;
  };
}

describe('SecretStore against Secrets Manager', () => {
  const stage = `test-${randomBytes(4).toString('hex')}`;
  let client: SecretsManagerClient;
  let secrets: SecretStore;
  const create = (name: string, value: string) => client.send(new CreateSecretCommand({ Name: name, SecretString: value }));
  const change = (name: string, value: string) => client.send(new PutSecretValueCommand({ SecretId: name, SecretString: value }));

  before(() => {
    client = new SecretsManagerClient(awsConfig());
    secrets = new SecretStore({ client });
  });

  it('serves cluster credentials from memory until asked to refresh them', async () => {
    const id = clusterSecretName(stage, 'cached');
    const [first, second] = [token(), token()];
    await create(id, JSON.stringify({ server, token: first }));
    assert.equal(staticOf(await secrets.getClusterCredentials(id)).token, first);
    await change(id, JSON.stringify({ server, token: second }));
    assert.equal(staticOf(await secrets.getClusterCredentials(id)).token, first, 'a cache hit, no new fetch');
    assert.equal(staticOf(await secrets.refreshClusterCredentials(id)).token, second, 'the forced refetch after a 401');
    assert.equal(staticOf(await secrets.getClusterCredentials(id)).token, second, 'the refreshed value is cached');
  });

  it('fetches a string secret again once its cache age has passed', async () => {
    const id = githubWebhookSecretName(stage);
    const quick = new SecretStore({ client, maxAgeSeconds: 1 });
    await create(id, 'first-webhook-secret');
    assert.equal(await quick.getSecretString(id), 'first-webhook-secret');
    await change(id, 'second-webhook-secret');
    assert.equal(await quick.getSecretString(id), 'first-webhook-secret');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.equal(await quick.getSecretString(id), 'second-webhook-secret');
  });

  it('serves the process-wide functions from the default store', async () => {
    const id = `sluice/${stage}/default-store`;
    await create(id, 'through-the-default');
    setDefaultSecretStore(new SecretStore({ client }));
    assert.equal(await getSecretString(id), 'through-the-default');
  });

  it('creates cluster credentials, then updates them, and reads the new value at once', async () => {
    const id = clusterSecretName(stage, 'added');
    const [first, second] = [token(), token()];
    await secrets.putClusterCredentials(id, { server, token: first });
    assert.equal(staticOf(await secrets.getClusterCredentials(id)).token, first);
    await secrets.putClusterCredentials(id, { server, token: second, insecureSkipTlsVerify: true });
    const stored = await client.send(new GetSecretValueCommand({ SecretId: id }));
    assert.deepEqual(JSON.parse(stored.SecretString ?? ''), { server, token: second, insecureSkipTlsVerify: true });
    assert.equal(staticOf(await secrets.getClusterCredentials(id)).token, second, 'no stale cached value after a put');
  });

  it('refuses invalid credentials before writing, without quoting them', async () => {
    const id = clusterSecretName(stage, 'invalid');
    const secret = token();
    await assert.rejects(secrets.putClusterCredentials(id, { server, token: `${secret} with spaces` }), (error: Error) => {
      assert.ok(error instanceof SpecError);
      return namesSecretOnly(id, secret)(error);
    });
    await assert.rejects(client.send(new GetSecretValueCommand({ SecretId: id })), /ResourceNotFound|can't find/);
  });

  it('names a missing secret and says to create it', async () => {
    const id = clusterSecretName(stage, 'missing');
    await assert.rejects(secrets.getClusterCredentials(id), (error: Error) => {
      assert.ok(error instanceof SecretError);
      assert.match(error.message, /^secret sluice\/test-[0-9a-f]+\/clusters\/missing: could not be read \(ResourceNotFoundException\); it does not exist; create it first$/);
      return true;
    });
  });

  it('never puts a secret value into the error for a malformed or incomplete secret', async () => {
    const secret = token();
    const notJson = clusterSecretName(stage, 'not-json');
    await create(notJson, `{"server": "${server}", "token": "${secret}"`);
    await assert.rejects(secrets.getClusterCredentials(notJson), namesSecretOnly(notJson, secret));

    const unknownField = clusterSecretName(stage, 'unknown-field');
    await create(unknownField, JSON.stringify({ server, tokn: secret }));
    await assert.rejects(secrets.getClusterCredentials(unknownField), namesSecretOnly(unknownField, secret));

    const badKey = clusterSecretName(stage, 'bad-key');
    await create(badKey, JSON.stringify({ server, clientCertData: secret, clientKeyData: secret }));
    await assert.rejects(secrets.getClusterCredentials(badKey), namesSecretOnly(badKey, secret));
  });

  it('says a binary secret must be stored as a string', async () => {
    const id = `sluice/${stage}/binary`;
    await client.send(new CreateSecretCommand({ Name: id, SecretBinary: Buffer.from('binary') }));
    await assert.rejects(secrets.getSecretString(id), /^SecretError: secret .*binary: holds binary data/);
  });
});
