import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { IDEMPOTENCY_TTL_ATTRIBUTE, LIST_INDEX, LIST_INDEX_ATTRIBUTES, STATUS_TTL_ATTRIBUTE } from '../../../lib/store/index.js';

type Resource = { Type: string; Properties: Record<string, any> };
const template = parse(readFileSync('infra/resources/tables.yml', 'utf8')) as { Resources: Record<string, Resource> };
const table = (name: string) => template.Resources[name]?.Properties ?? assert.fail(`${name} missing`);

describe('infra/resources/tables.yml', () => {
  it('declares the status table with the keys, list index and TTL the store reads', () => {
    const status = table('StatusTable');
    assert.deepEqual(status.KeySchema, [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }]);
    const [index] = status.GlobalSecondaryIndexes;
    assert.equal(index.IndexName, LIST_INDEX);
    assert.deepEqual(index.KeySchema, [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }, { AttributeName: 'gsi1sk', KeyType: 'RANGE' }]);
    assert.deepEqual(index.Projection, { ProjectionType: 'INCLUDE', NonKeyAttributes: LIST_INDEX_ATTRIBUTES });
    assert.deepEqual(status.TimeToLiveSpecification, { AttributeName: STATUS_TTL_ATTRIBUTE, Enabled: true });
  });

  it('declares the idempotency table as Powertools expects it', () => {
    const idempotency = table('IdempotencyTable');
    assert.deepEqual(idempotency.KeySchema, [{ AttributeName: 'id', KeyType: 'HASH' }]);
    assert.deepEqual(idempotency.TimeToLiveSpecification, { AttributeName: IDEMPOTENCY_TTL_ATTRIBUTE, Enabled: true });
  });

  it('names tables per service and stage, never by a fixed name', () => {
    for (const name of ['StatusTable', 'IdempotencyTable']) assert.match(String(table(name).TableName), /^\$\{self:service\}-\$\{sls:stage\}-/);
  });
});
