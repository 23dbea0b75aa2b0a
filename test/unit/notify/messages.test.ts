import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  commitStatusOfHealth, commitStatusOfSync, diffReply, failureReply, message, noticeMessage, section, statusPageLink, syncReply,
} from '../../../lib/notify/index.js';
import { driftReport, failedResult, job, sha, syncResult, textOf } from './fixtures.js';

describe('Slack notices', () => {
  it('name the app, the revision and what happened, with a link to the status page', () => {
    const notice = noticeMessage({ kind: 'sync-failed', app: 'guestbook', revision: sha('a'), message: 'Deployment/guestbook/web: refused', facts: { Trigger: 'webhook by alice' } }, 'https://sluice.example.com/ui/apps/guestbook');
    assert.equal(notice.blocks[0]?.type, 'header');
    const text = textOf(notice);
    assert.match(text, /guestbook: sync failed/);
    assert.match(text, new RegExp(sha('a').slice(0, 12)));
    assert.match(text, /Deployment\/guestbook\/web: refused/);
    assert.match(text, /webhook by alice/);
    assert.match(text, /<https:\/\/sluice\.example\.com\/ui\/apps\/guestbook\|guestbook on the status page>/);
  });

  it('have no link when no status page is configured, and escape what Slack would read as markup', () => {
    const text = textOf(noticeMessage({ kind: 'drift-detected', app: 'guestbook', message: 'replicas <2> & more' }));
    assert.doesNotMatch(text, /status page/);
    assert.match(text, /replicas &lt;2&gt; &amp; more/);
    assert.match(text, /drift detected/);
  });
});

describe('response_url follow-ups', () => {
  it('report a sync in the channel with its phase, revision, health and changes', () => {
    const reply = syncReply(job({ reply: { slackResponseUrl: 'https://hooks.slack.com/x' } }), syncResult());
    assert.equal(reply.response_type, 'in_channel');
    assert.equal(reply.replace_original, false);
    const text = textOf(reply);
    assert.match(text, /Sync of \*guestbook\* to `aaaaaaaaaaaa`: Succeeded/);
    assert.match(text, /1 configured/);
    assert.match(text, /Healthy/);
  });

  it('list the objects a failed sync could not apply', () => {
    const text = textOf(syncReply(job({ kind: 'rollback', historyId: 'h' }), failedResult()));
    assert.match(text, /Rollback of \*guestbook\*.*: Failed/);
    assert.match(text, /Deployment\/guestbook\/web: spec\.replicas: Invalid value: -1/);
  });

  it('report a diff to the asker only, object by object with the changed paths', () => {
    const reply = diffReply('guestbook', driftReport());
    assert.equal(reply.response_type, 'ephemeral');
    const text = textOf(reply);
    assert.match(text, /OutOfSync/);
    assert.match(text, /configure Deployment\/guestbook\/web: spec\.replicas/);
    assert.doesNotMatch(text, /replicas: 4/, 'the diff text itself is left to the status page');
  });

  it('say what failed when a job stopped early', () => {
    assert.match(textOf(failureReply(job({ kind: 'refresh' }), 'app guestbook is not in the registry')), /Diff of \*guestbook\* failed: app guestbook is not in the registry/);
    assert.equal(failureReply(job(), 'x').response_type, 'in_channel');
  });
});

describe('GitHub commit statuses', () => {
  it('fail for a failed sync, with a description of at most 140 characters', () => {
    const status = commitStatusOfSync(syncResult({ phase: 'Failed', message: 'x'.repeat(500) }));
    assert.equal(status.state, 'failure');
    assert.ok(status.description.length <= 140);
    assert.match(status.description, /^Sync failed: x+…$/);
  });

  it('follow health after a successful sync: Healthy succeeds, Progressing waits, Degraded fails', () => {
    assert.deepEqual(commitStatusOfSync(syncResult()), { state: 'success', description: 'Synced (1 configured); health Healthy' });
    assert.equal(commitStatusOfSync(syncResult({ health: 'Progressing' })).state, 'pending');
    assert.equal(commitStatusOfSync(syncResult({ health: 'Degraded' })).state, 'failure');
    assert.equal(commitStatusOfHealth('Healthy').state, 'success');
    assert.equal(commitStatusOfHealth('Degraded').state, 'failure');
  });
});

describe('status page links', () => {
  it('point at <STATUS_PAGE_URL>/apps/<app>, or fill an {app} template', () => {
    assert.equal(statusPageLink('https://sluice.example.com/ui/', 'guest book'), 'https://sluice.example.com/ui/apps/guest%20book');
    assert.equal(statusPageLink('https://status.example.com/#/{app}', 'web'), 'https://status.example.com/#/web');
    assert.equal(statusPageLink(undefined, 'web'), undefined);
  });
});

describe('Block Kit limits', () => {
  it('cut long texts and keep at most 50 blocks, saying how many were left out', () => {
    const long = message('t'.repeat(5000), Array.from({ length: 60 }, (_, i) => section(`${i} ${'s'.repeat(4000)}`)));
    assert.equal(long.blocks.length, 50);
    assert.ok(long.text.length <= 3000);
    assert.ok(long.blocks.every((block) => block.type !== 'section' || (block.text?.text.length ?? 0) <= 3000));
    assert.match(textOf(long), /…and 11 more/);
  });
});
