import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { JobQueue } from '../../../lib/queue/index.js';
import { createDocumentClient, createTables, StatusStore } from '../../../lib/store/index.js';
import { awsConfig } from '../../harness/aws.js';

/**
 * A status table and a FIFO jobs queue (as infra/resources declares them) with names unique to the caller:
 * other test files share moto at the same time, so nothing here resets it.
 */
export async function statusApiParts(label: string) {
  const suffix = randomBytes(4).toString('hex');
  const tableName = `sluice-test-${label}-${suffix}`;
  await createTables(new DynamoDBClient(awsConfig()), { status: tableName });
  const sqs = new SQSClient(awsConfig());
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({
    QueueName: `sluice-test-${label}-${suffix}.fifo`,
    Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'false', VisibilityTimeout: '960' },
  }));
  const queueUrl = QueueUrl as string;
  return {
    tableName, queueUrl, sqs,
    store: new StatusStore({ client: createDocumentClient(awsConfig()), tableName }),
    queue: new JobQueue({ client: sqs, queueUrl }),
  };
}

/** Receives and deletes what the queue holds now, as the worker would; each message with its group id. */
export async function drain(sqs: SQSClient, queueUrl: string): Promise<Message[]> {
  const messages: Message[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({
      QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, MessageSystemAttributeNames: ['MessageGroupId'],
    }));
    if (Messages.length === 0) return messages;
    messages.push(...Messages);
    await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })) }));
  }
}
