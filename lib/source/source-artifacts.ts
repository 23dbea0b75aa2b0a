import { createHash } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { Readable } from 'node:stream';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import { c as createTar } from 'tar';
import { normalizeRepoUrl } from './repo-url.js';

/**
 * Checked-out commits shared by every worker instance: the first to fetch a commit stores its tree, the others
 * take it from here instead of fetching it from Git again. A commit's tree never changes, so an artifact is
 * written once and never replaced.
 */
export interface SourceArtifacts {
  /** The stored tree of `sha` as a gzipped tar (one top-level directory), or undefined. */
  get(repoURL: string, sha: string): Promise<Readable | undefined>;
  /** Stores the tree at `dir`; a no-op when another instance stored it first. */
  put(repoURL: string, sha: string, dir: string): Promise<void>;
  /** Told when an artifact could not be read or stored; the commit is then fetched from Git, so nothing fails. */
  onError?(error: unknown, action: 'get' | 'put', label: string): void;
}

export interface S3SourceArtifactsOptions {
  client: S3Client;
  onError?: SourceArtifacts['onError'];
  bucket: string;
  /** Key prefix; the IAM policy grants only `<prefix>*`. Default `sources/`. */
  prefix?: string;
}

const keyOf = (prefix: string, repoURL: string, sha: string) =>
  `${prefix}${createHash('sha256').update(normalizeRepoUrl(repoURL)).digest('hex').slice(0, 32)}/${sha.toLowerCase()}.tar.gz`;

/** Source artifacts in S3, keyed by repository and sha, written with a conditional put (If-None-Match: *). */
export function s3SourceArtifacts(options: S3SourceArtifactsOptions): SourceArtifacts {
  const prefix = options.prefix ?? 'sources/';
  return {
    ...(options.onError ? { onError: options.onError } : {}),
    async get(repoURL, sha) {
      try {
        const object = await options.client.send(new GetObjectCommand({ Bucket: options.bucket, Key: keyOf(prefix, repoURL, sha) }));
        return object.Body instanceof Readable ? object.Body : undefined;
      } catch (error) {
        if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) return undefined;
        throw error;
      }
    },
    async put(repoURL, sha, dir) {
      const body = await tarGz(dir);
      try {
        await options.client.send(new PutObjectCommand({
          Bucket: options.bucket, Key: keyOf(prefix, repoURL, sha), Body: body, IfNoneMatch: '*', ContentType: 'application/gzip',
        }));
      } catch (error) {
        // Another instance stored the same commit first (or is storing it): its tree is the same.
        if (error instanceof S3ServiceException && [409, 412].includes(error.$metadata.httpStatusCode ?? 0)) return;
        throw error;
      }
    },
  };
}

/** The tree at `dir` as a gzipped tar under one top-level directory (the directory's name), symlinks kept as links. */
async function tarGz(dir: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = createTar({ gzip: true, cwd: dirname(dir), portable: true, follow: false }, [basename(dir)]);
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
