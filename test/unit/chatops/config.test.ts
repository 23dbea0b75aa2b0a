import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../../lib/api/index.js';
import { chatopsConfigFromEnv, ChatopsConfigError, parseSlashCommand, splitCommandText } from '../../../lib/chatops/index.js';

describe('chatops settings', () => {
  it('default to stage dev, Slack\'s own response URLs, no status page and nobody allowed', () => {
    const config = chatopsConfigFromEnv({});
    assert.equal(config.stage, 'dev');
    assert.deepEqual(config.responseUrlOrigins, ['https://hooks.slack.com']);
    assert.equal(config.statusPageUrl, undefined);
    assert.deepEqual(config.roles(), {});
  });

  it('read the stage, origins, status page and roles from the environment', () => {
    const config = chatopsConfigFromEnv({
      STAGE: 'prod', SLACK_RESPONSE_URL_ORIGINS: 'https://hooks.slack.com/, https://hooks.slack-gov.com', STATUS_PAGE_URL: 'https://sluice.example.com/ui',
      SLACK_USER_ROLES: '{"U012ALICE":"operate"}',
    });
    assert.equal(config.stage, 'prod');
    assert.deepEqual(config.responseUrlOrigins, ['https://hooks.slack.com', 'https://hooks.slack-gov.com']);
    assert.equal(config.statusPageUrl, 'https://sluice.example.com/ui');
    assert.deepEqual(config.roles(), { U012ALICE: 'operate' });
  });

  it('parse SLACK_USER_ROLES only when asked, so a bad value cannot stop the signature check', () => {
    const config = chatopsConfigFromEnv({ SLACK_USER_ROLES: 'not json' });
    assert.throws(() => config.roles(), (e) => e instanceof ChatopsConfigError && /^SLACK_USER_ROLES: not valid JSON/.test(e.message));
  });

  it('refuse an origin that is not an http(s) URL, naming the variable', () => {
    assert.throws(() => chatopsConfigFromEnv({ SLACK_RESPONSE_URL_ORIGINS: 'hooks.slack.com' }), /^ChatopsConfigError: SLACK_RESPONSE_URL_ORIGINS: "hooks\.slack\.com" is not an http\(s\) origin/);
  });
});

describe('slash command payloads', () => {
  it('read the fields Slack sends, form-encoded', () => {
    const body = new URLSearchParams({ command: '/sluice', text: ' sync  guestbook ', user_id: 'U1', user_name: 'alice', team_id: 'T1', channel_id: 'C1', response_url: 'https://hooks.slack.com/commands/T1/2/x' }).toString();
    assert.deepEqual(parseSlashCommand(body), {
      command: '/sluice', text: 'sync  guestbook', userId: 'U1', userName: 'alice', teamId: 'T1', channelId: 'C1', responseUrl: 'https://hooks.slack.com/commands/T1/2/x',
    });
  });

  it('refuse a body that is not a slash command with a 400', () => {
    assert.throws(() => parseSlashCommand('{"text":"sync"}'), (e) => e instanceof ApiError && e.status === 400 && /^body: not a Slack slash command/.test(e.message));
  });

  it('split the text into a verb and its words, an empty text meaning help', () => {
    assert.deepEqual(splitCommandText('  Rollback guestbook  2026-03-01T08:00:00.000Z_01 '), { verb: 'rollback', args: ['guestbook', '2026-03-01T08:00:00.000Z_01'] });
    assert.deepEqual(splitCommandText(''), { verb: 'help', args: [] });
  });
});
