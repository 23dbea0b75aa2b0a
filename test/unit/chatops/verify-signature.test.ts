import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signSlackRequest, slackSignatureProblem } from '../../../lib/chatops/index.js';

// The example of Slack's "Verifying requests from Slack" guide.
const example = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: '1531420618',
  body: 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};
const signedAt = new Date(Number(example.timestamp) * 1000);

describe('Slack request signatures', () => {
  it('accepts the example Slack documents, signed moments ago', () => {
    assert.equal(signSlackRequest(example.secret, example.timestamp, example.body), example.signature);
    assert.equal(slackSignatureProblem(example.secret, example.body, example, new Date(signedAt.getTime() + 30_000)), undefined);
  });

  it('refuses a changed body, another secret or a tampered signature', () => {
    const now = signedAt;
    assert.match(slackSignatureProblem(example.secret, `${example.body}&text=sync`, example, now) ?? '', /X-Slack-Signature header: does not match/);
    assert.match(slackSignatureProblem('another secret', example.body, example, now) ?? '', /does not match/);
    for (const signature of [example.signature.slice(0, -1), `${example.signature}0`, example.signature.replace('v0=', 'v1='), example.signature.toUpperCase()]) {
      assert.ok(slackSignatureProblem(example.secret, example.body, { ...example, signature }, now), signature);
    }
  });

  it('refuses a timestamp more than five minutes old or ahead, even with a good signature', () => {
    assert.match(slackSignatureProblem(example.secret, example.body, example, new Date(signedAt.getTime() + 301_000)) ?? '', /X-Slack-Request-Timestamp header: more than 5 minutes/);
    assert.match(slackSignatureProblem(example.secret, example.body, example, new Date(signedAt.getTime() - 301_000)) ?? '', /more than 5 minutes/);
    assert.equal(slackSignatureProblem(example.secret, example.body, example, new Date(signedAt.getTime() + 299_000)), undefined);
  });

  it('names the missing or malformed header', () => {
    assert.match(slackSignatureProblem(example.secret, example.body, { ...example, timestamp: undefined }, signedAt) ?? '', /^X-Slack-Request-Timestamp header: missing/);
    assert.match(slackSignatureProblem(example.secret, example.body, { ...example, signature: undefined }, signedAt) ?? '', /^X-Slack-Signature header: missing/);
    assert.match(slackSignatureProblem(example.secret, example.body, { ...example, timestamp: '1531420618.5' }, signedAt) ?? '', /not Unix seconds/);
  });

  it('refuses everything when the signing secret is empty', () => {
    const signature = signSlackRequest('', example.timestamp, example.body);
    assert.match(slackSignatureProblem('', example.body, { ...example, signature }, signedAt) ?? '', /signing secret is empty/);
  });

  it('never puts the secret in a reason', () => {
    const reason = slackSignatureProblem(example.secret, 'x', example, signedAt) ?? '';
    assert.ok(!reason.includes(example.secret));
  });
});
