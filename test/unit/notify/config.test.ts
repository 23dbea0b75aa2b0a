import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notifyConfigFromEnv, optionalSecret } from '../../../lib/notify/index.js';

describe('notification settings', () => {
  it('default to github.com through api.github.com and no status page', () => {
    assert.deepEqual(notifyConfigFromEnv({}), { github: { apiBaseUrl: 'https://api.github.com', hosts: ['github.com'] }, warnings: [] });
  });

  it('take the GitHub Enterprise host from its API URL, or the hosts given', () => {
    assert.deepEqual(notifyConfigFromEnv({ SLUICE_GITHUB_API_URL: 'https://ghe.acme.internal/api/v3/' }).github, { apiBaseUrl: 'https://ghe.acme.internal/api/v3', hosts: ['ghe.acme.internal'] });
    assert.deepEqual(notifyConfigFromEnv({ SLUICE_GITHUB_HOSTS: ' GitHub.com, git.acme.io ' }).github.hosts, ['github.com', 'git.acme.io']);
  });

  it('keep a STATUS_PAGE_URL template as written', () => {
    assert.equal(notifyConfigFromEnv({ STATUS_PAGE_URL: 'https://status.example.com/#/{app}' }).statusPageUrl, 'https://status.example.com/#/{app}');
  });

  it('ignore a value that is not an http(s) URL, with a warning naming the variable', () => {
    const config = notifyConfigFromEnv({ STATUS_PAGE_URL: 'sluice.example.com', SLUICE_GITHUB_API_URL: 'ftp://x' });
    assert.equal(config.statusPageUrl, undefined);
    assert.equal(config.github.apiBaseUrl, 'https://api.github.com');
    assert.match(config.warnings[0] ?? '', /^STATUS_PAGE_URL: "sluice\.example\.com" is not an http\(s\) URL/);
    assert.match(config.warnings[1] ?? '', /^SLUICE_GITHUB_API_URL:/);
  });
});

describe('optional secrets', () => {
  const notFound = () => {
    const cause = Object.assign(new Error('Secrets Manager can\'t find the specified secret.'), { name: 'ResourceNotFoundException' });
    return new Error('secret sluice/dev/slack-webhook-url: could not be read (ResourceNotFoundException)', { cause: new Error('wrapped', { cause }) });
  };

  it('are undefined when Secrets Manager has no such secret, and are not asked for again for a while', async () => {
    let reads = 0;
    const secret = optionalSecret(async () => { reads++; throw notFound(); }, 'sluice/dev/slack-webhook-url');
    assert.equal(await secret(), undefined);
    assert.equal(await secret(), undefined);
    assert.equal(reads, 1);
  });

  it('are the trimmed value when present, and undefined when blank', async () => {
    assert.equal(await optionalSecret(async () => ' https://hooks.slack.com/services/T/B/x\n', 'id')(), 'https://hooks.slack.com/services/T/B/x');
    assert.equal(await optionalSecret(async () => '  ', 'id')(), undefined);
  });

  it('let any other failure through for the caller to log', async () => {
    const denied = Object.assign(new Error('denied'), { name: 'AccessDeniedException' });
    await assert.rejects(optionalSecret(async () => { throw denied; }, 'id')(), /denied/);
  });
});
