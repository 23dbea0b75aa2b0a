import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { StoreError } from './errors.js';
import { TOKENS_LIST, apiTokenKey } from './keys.js';
import { LIST_INDEX } from './table-schema.js';
import { queryAll, type Item, type Table } from './table.js';
import type { ApiToken } from './types.js';

/** The SHA-256 hex digest under which a status API token is stored and looked up. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const sha256Hex = /^[0-9a-f]{64}$/;

/** Stores a token by its hash (replacing one with the same hash). Never pass the token itself. */
export async function putApiToken(table: Table, token: ApiToken): Promise<void> {
  if (!sha256Hex.test(token.hash)) throw new StoreError(`API token ${token.id}: hash must be the SHA-256 hex digest of the token (use hashApiToken); the token itself is never stored`);
  if (token.role !== 'read' && token.role !== 'operate') throw new StoreError(`API token ${token.id}: role must be "read" or "operate"`);
  await table.doc.send(new PutCommand({
    TableName: table.name,
    Item: {
      ...apiTokenKey(token.hash), gsi1pk: TOKENS_LIST, gsi1sk: token.id,
      id: token.id, name: token.name, role: token.role, hash: token.hash, createdAt: token.createdAt ?? new Date().toISOString(),
    },
  }));
}

export async function findApiTokenByHash(table: Table, hash: string): Promise<ApiToken | undefined> {
  if (!sha256Hex.test(hash)) return undefined;
  const { Item: item } = await table.doc.send(new GetCommand({ TableName: table.name, Key: apiTokenKey(hash) }));
  return item ? toToken(item) : undefined;
}

/** All tokens, by id; each still carries only its hash. */
export async function listApiTokens(table: Table): Promise<ApiToken[]> {
  const items = await queryAll(table, { IndexName: LIST_INDEX, KeyConditionExpression: 'gsi1pk = :list', ExpressionAttributeValues: { ':list': TOKENS_LIST } });
  return items.map(toToken);
}

/** Revokes every token with this id; returns whether there was one. */
export async function deleteApiToken(table: Table, id: string): Promise<boolean> {
  const matching = (await listApiTokens(table)).filter((token) => token.id === id);
  for (const token of matching) await table.doc.send(new DeleteCommand({ TableName: table.name, Key: apiTokenKey(token.hash) }));
  return matching.length > 0;
}

function toToken(item: Item): ApiToken {
  return { id: item.id as string, name: item.name as string, role: item.role as ApiToken['role'], hash: item.hash as string, createdAt: item.createdAt as string };
}
