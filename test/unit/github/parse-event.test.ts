import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEvent, readPush, WebhookError } from '../../../lib/github/index.js';
import { exampleEvents, examplesOf } from './examples.js';
import { afterSha, guestbook, pushPayload } from './payloads.js';

const headers = (event: string) => ({ 'X-GitHub-Event': event, 'X-GitHub-Delivery': 'd-1' });

describe('parseEvent', () => {
  it('reads every push example GitHub publishes', () => {
    for (const payload of examplesOf('push')) {
      const event = parseEvent(headers('push'), JSON.stringify(payload));
      assert.ok('push' in event);
      assert.equal(event.push.ref, payload.ref);
      assert.equal(event.push.deleted, payload.deleted);
      assert.equal(event.push.defaultBranch, 'master');
      assert.equal(event.push.by, 'Codertocat');
      assert.deepEqual(event.push.repoURLs, [
        'https://github.com/Codertocat/Hello-World.git',
        'https://github.com/Codertocat/Hello-World',
        'git@github.com:Codertocat/Hello-World.git',
        'git://github.com/Codertocat/Hello-World.git',
      ]);
    }
  });

  it('reads every ping example, with its zen', () => {
    for (const payload of examplesOf('ping')) {
      const event = parseEvent(headers('ping'), JSON.stringify(payload));
      assert.deepEqual(event, { name: 'ping', deliveryId: 'd-1', zen: payload.zen });
    }
  });

  it('reads every other published example by name and action alone', () => {
    for (const name of exampleEvents().filter((n) => n !== 'push' && n !== 'ping')) {
      for (const payload of examplesOf(name)) {
        const event = parseEvent(headers(name), JSON.stringify(payload));
        assert.equal(event.name, name);
        assert.equal('action' in event ? event.action : undefined, typeof payload.action === 'string' ? payload.action : undefined);
      }
    }
  });

  it('finds headers whatever their case', () => {
    const event = parseEvent({ 'x-github-event': 'ping', 'X-GITHUB-DELIVERY': 'd-2' }, '{}');
    assert.equal(event.deliveryId, 'd-2');
  });

  const refusal = (message: RegExp) => (error: unknown) => {
    assert.ok(error instanceof WebhookError);
    assert.equal(error.status, 400);
    assert.match(error.message, message);
    return true;
  };

  it('refuses a body that is not JSON, naming the body', () => {
    assert.throws(() => parseEvent(headers('push'), 'payload=%7B%7D'), refusal(/^body: not valid JSON; set the webhook content type to application\/json/));
  });

  it('refuses JSON that is not an object', () => {
    assert.throws(() => parseEvent(headers('push'), '[1,2]'), refusal(/^body: not a JSON object/));
    assert.throws(() => parseEvent(headers('push'), 'null'), refusal(/^body: not a JSON object/));
  });

  it('refuses a delivery without event name or delivery id', () => {
    assert.throws(() => parseEvent({ 'X-GitHub-Delivery': 'd' }, '{}'), refusal(/^X-GitHub-Event header: missing/));
    assert.throws(() => parseEvent({ 'X-GitHub-Event': 'push', 'X-GitHub-Delivery': ' ' }, '{}'), refusal(/^X-GitHub-Delivery header: missing/));
  });

  it('refuses a push without ref, after or repository', () => {
    assert.throws(() => parseEvent(headers('push'), JSON.stringify({ ref: 'refs/heads/main' })), refusal(/^push payload: ref, after and repository are required/));
  });
});

describe('readPush', () => {
  it('takes the pusher name, else the sender login, as who pushed', () => {
    assert.equal(readPush(pushPayload()).by, 'Codertocat');
    const { pusher: _, ...bySender } = pushPayload();
    assert.equal(readPush({ ...bySender, sender: { login: 'hubot' } }).by, 'hubot');
    const { sender: __, ...nobody } = bySender;
    assert.equal(readPush(nobody).by, undefined);
  });

  it('takes a branch push commit from after', () => {
    const push = readPush(pushPayload({ headCommit: 'ffffffffffffffffffffffffffffffffffffffff' }));
    assert.equal(push.commit, afterSha);
  });

  it('takes an annotated tag push commit from head_commit, since after is the tag object', () => {
    const tagObject = '1111111111111111111111111111111111111111';
    const push = readPush(pushPayload({ ref: 'refs/tags/v1', after: tagObject, headCommit: afterSha }));
    assert.equal(push.after, tagObject);
    assert.equal(push.commit, afterSha);
  });

  it('falls back to after for a tag push without head_commit', () => {
    const push = readPush(pushPayload({ ref: 'refs/tags/v1', headCommit: null }));
    assert.equal(push.commit, afterSha);
  });

  it('sees a deletion by the deleted flag or by an all-zero after', () => {
    assert.equal(readPush(pushPayload({ deleted: true })).deleted, true);
    assert.equal(readPush({ ...pushPayload(), after: '0'.repeat(40), deleted: undefined }).deleted, true);
    assert.equal(readPush(pushPayload()).deleted, false);
  });

  it('collects only the repository URLs present', () => {
    const payload = pushPayload();
    const repository = payload.repository as Record<string, unknown>;
    delete repository.git_url;
    repository.ssh_url = null;
    assert.deepEqual(readPush(payload).repoURLs, [guestbook.clone_url, guestbook.html_url]);
  });
});
