import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ConditionalCheckFailedException, CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsConfig, resetAws } from '../harness/aws.js';

describe('moto_server', () => {
  before(resetAws);

  it('SQS FIFO queue drops a message with a repeated deduplication id', async () => {
    const sqs = new SQSClient(awsConfig());
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({
      QueueName: 'jobs.fifo', Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'false' },
    }));
    for (const body of ['first', 'duplicate']) {
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body, MessageGroupId: 'app', MessageDeduplicationId: 'app:abc:sync' }));
    }
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'second', MessageGroupId: 'app', MessageDeduplicationId: 'app:def:sync' }));
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    assert.deepEqual(Messages.map((m) => m.Body), ['first', 'second']);
  });

  it('DynamoDB rejects a conditional write whose condition does not hold', async () => {
    const dynamo = new DynamoDBClient(awsConfig());
    await dynamo.send(new CreateTableCommand({
      TableName: 'status', BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    }));
    const put = (version: number) => new PutItemCommand({
      TableName: 'status',
      Item: { pk: { S: 'app#web' }, version: { N: String(version) } },
      ConditionExpression: 'attribute_not_exists(pk) OR version < :v',
      ExpressionAttributeValues: { ':v': { N: String(version) } },
    });
    await dynamo.send(put(2));
    await assert.rejects(dynamo.send(put(1)), ConditionalCheckFailedException);
  });

  it('Secrets Manager returns the secret it stored', async () => {
    const secrets = new SecretsManagerClient(awsConfig());
    const value = JSON.stringify({ server: 'https://127.0.0.1:6443', token: 'abc' });
    await secrets.send(new CreateSecretCommand({ Name: 'sluice/clusters/local', SecretString: value }));
    const got = await secrets.send(new GetSecretValueCommand({ SecretId: 'sluice/clusters/local' }));
    assert.equal(got.SecretString, value);
  });
});
