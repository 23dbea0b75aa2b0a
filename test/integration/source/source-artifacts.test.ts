import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Header } from 'tar';
import { gzipSync } from 'node:zlib';
import { fetchRevision, s3SourceArtifacts, type SourceArtifacts } from '../../../lib/source/index.js';
import { awsConfig } from '../../harness/aws.js';
import { createRepo } from '../../harness/git.js';
import { stack } from '../../harness/stack.js';

const newCacheDir = () => mkdtempSync(join(stack.runDir, 'artifact-cache-'));
const s3 = new S3Client({ ...awsConfig(), forcePathStyle: true });
const bucket = `sluice-artifacts-${randomBytes(4).toString('hex')}`;

/** Artifacts in moto's S3 that also remember what went wrong. */
function artifacts(): SourceArtifacts & { errors: string[] } {
  const errors: string[] = [];
  return { ...s3SourceArtifacts({ client: s3, bucket, onError: (error, action) => errors.push(`${action}: ${(error as Error).message}`) }), errors };
}

describe('per-commit source artifacts in S3', () => {
  before(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });

  it('lets a second instance check out a commit from the artifact the first stored, without Git', async () => {
    const repo = createRepo({ 'app/cm.yaml': 'v: 1\n' }, 'artifact');
    const sha = repo.commit({ 'app/cm.yaml': 'v: shared\n' });
    const shared = artifacts();
    await fetchRevision(repo.url, sha, { cacheDir: newCacheDir(), artifacts: shared });
    // The repository is gone: only the artifact can serve the commit now.
    rmSync(repo.bareDir, { recursive: true, force: true });
    const checkout = await fetchRevision(repo.url, sha, { cacheDir: newCacheDir(), artifacts: shared });
    assert.equal(readFileSync(join(checkout.dir, 'app', 'cm.yaml'), 'utf8'), 'v: shared\n');
    assert.deepEqual(shared.errors, []);
  });

  it('writes a commit once: a second put for the same commit changes nothing', async () => {
    const repo = createRepo({ 'a.yaml': 'v: 1\n' }, 'artifact-once');
    const first = artifacts();
    const checkout = await fetchRevision(repo.url, repo.head(), { cacheDir: newCacheDir(), artifacts: first });
    const key = (await listKey(repo.head()))!;
    const stored = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    await first.put(repo.url, repo.head(), checkout.dir);
    const again = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    assert.equal(again.ETag, stored.ETag);
    assert.deepEqual(first.errors, []);
  });

  it('refuses an artifact that would write outside the checkout, and fetches the commit from Git instead', async () => {
    const repo = createRepo({ 'a.yaml': 'v: from-git\n' }, 'artifact-hostile');
    const sha = repo.head();
    const probe = artifacts();
    await fetchRevision(repo.url, sha, { cacheDir: newCacheDir(), artifacts: probe });
    const key = (await listKey(sha))!;
    // Replaced by a tar whose only entry climbs out of its top-level directory.
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: hostileTar() }));
    const checkout = await fetchRevision(repo.url, sha, { cacheDir: newCacheDir(), artifacts: probe });
    assert.equal(readFileSync(join(checkout.dir, 'a.yaml'), 'utf8'), 'v: from-git\n');
    assert.match(probe.errors.join('\n'), /^get: /m);
  });
});

/** The key the store used for `sha` (the repository part is a hash, so find it by the sha). */
async function listKey(sha: string): Promise<string | undefined> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'sources/' }));
  return listed.Contents?.find((object) => object.Key?.endsWith(`/${sha}.tar.gz`))?.Key;
}

/** A gzipped tar holding `top/../../escaped.txt`. */
function hostileTar(): Buffer {
  const body = Buffer.from('escaped\n');
  const header = new Header({ path: 'top/../../escaped.txt', mode: 0o644, size: body.length, type: 'File', mtime: new Date(0) });
  header.encode();
  const pad = Buffer.alloc((512 - (body.length % 512)) % 512);
  return gzipSync(Buffer.concat([header.block!, body, pad, Buffer.alloc(1024)]));
}
