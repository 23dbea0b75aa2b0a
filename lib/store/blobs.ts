import { randomBytes } from 'node:crypto';
import { gunzipJson, gzipJson } from './compression.js';
import { StoreError } from './errors.js';
import { blobPartPrefix, blobPartSk, type Key } from './keys.js';
import { batchWrite, queryAll, type Table } from './table.js';

/**
 * Where a large JSON value lives: gzipped inline in its owner item, or, when even gzipped it would not fit a
 * 400 KB item, in parts under the owner's partition. Parts belong to one generation, written before the owner
 * item points at them, so a reader never sees a half-written value.
 */
export type BlobRef = { gz: Uint8Array } | { generation: string; parts: number };

/** Leaves room in the owner item for its other attributes. */
export const INLINE_BLOB_BYTES = 300_000;
const PART_BYTES = 350_000;

export async function writeBlob(table: Table, pk: string, value: unknown): Promise<BlobRef> {
  const gz = gzipJson(value);
  if (gz.byteLength <= INLINE_BLOB_BYTES) return { gz };
  const generation = randomBytes(6).toString('hex');
  const parts: Uint8Array[] = [];
  for (let offset = 0; offset < gz.byteLength; offset += PART_BYTES) parts.push(gz.subarray(offset, offset + PART_BYTES));
  await batchWrite(table, parts.map((data, index) => ({ put: { pk, sk: blobPartSk(generation, index), data } })));
  return { generation, parts: parts.length };
}

/** `what` names the value in errors, e.g. `app web: resources`. */
export async function readBlob<T>(table: Table, pk: string, ref: BlobRef, what: string): Promise<T> {
  if ('gz' in ref) return gunzipJson<T>(ref.gz);
  const items = await queryAll(table, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': blobPartPrefix(ref.generation) },
    ConsistentRead: true,
  });
  if (items.length !== ref.parts) {
    throw new BlobReplacedError(`${what}: found ${items.length} of ${ref.parts} stored parts; it was probably replaced while being read, read it again`);
  }
  return gunzipJson<T>(Buffer.concat(items.map((item) => item.data as Uint8Array)));
}

/** A blob's parts went missing between reading its owner and its parts: a writer replaced it. Read again. */
export class BlobReplacedError extends StoreError {
  override name = 'BlobReplacedError';
}

/** Runs a read of owner item and blob again when a writer replaced the blob in between. */
export async function readAgainIfReplaced<T>(read: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof BlobReplacedError) || attempt >= attempts) throw error;
    }
  }
}

export function blobPartKeys(pk: string, ref: BlobRef | undefined): Key[] {
  if (!ref || 'gz' in ref) return [];
  return Array.from({ length: ref.parts }, (_, index) => ({ pk, sk: blobPartSk(ref.generation, index) }));
}

export async function deleteBlob(table: Table, pk: string, ref: BlobRef | undefined): Promise<void> {
  await batchWrite(table, blobPartKeys(pk, ref).map((key) => ({ delete: key })));
}

export function sameBlob(a: BlobRef | undefined, b: BlobRef | undefined): boolean {
  if (!a || !b) return a === b;
  if ('gz' in a || 'gz' in b) return a === b;
  return a.generation === b.generation;
}
