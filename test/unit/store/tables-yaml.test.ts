import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { idempotencyTableDefinition, statusTableDefinition, type TableDefinition } from '../../../lib/store/index.js';

type Resource = { Type: string; Properties: Record<string, unknown> };
const template = parse(readFileSync('infra/resources/tables.yml', 'utf8')) as { Resources: Record<string, Resource> };

/** What createTables sets, in CloudFormation's shape: the two must describe the same table. */
function asCloudFormation({ input, ttlAttribute }: TableDefinition) {
  return {
    BillingMode: input.BillingMode,
    AttributeDefinitions: input.AttributeDefinitions,
    KeySchema: input.KeySchema,
    ...(input.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: input.GlobalSecondaryIndexes } : {}),
    TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true },
  };
}

/** The declared table without what only matters in AWS (its name, backups, encryption), which createTables leaves out. */
function declared(name: string) {
  const {
    TableName: _name, PointInTimeRecoverySpecification: _pitr, SSESpecification: _sse, ...rest
  } = template.Resources[name]?.Properties ?? assert.fail(`${name} missing`);
  return rest;
}

describe('infra/resources/tables.yml', () => {
  it('declares the status table exactly as createTables builds it', () => {
    assert.deepEqual(declared('StatusTable'), asCloudFormation(statusTableDefinition('any')));
  });

  it('declares the idempotency table exactly as createTables builds it', () => {
    assert.deepEqual(declared('IdempotencyTable'), asCloudFormation(idempotencyTableDefinition('any')));
  });

  it('names tables per service and stage, never by a fixed name', () => {
    for (const name of ['StatusTable', 'IdempotencyTable']) {
      assert.match(String(template.Resources[name]?.Properties.TableName), /^\$\{self:service\}-\$\{sls:stage\}-/);
    }
  });
});
