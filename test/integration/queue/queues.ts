import { randomBytes } from 'node:crypto';
import { CreateQueueCommand, DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { awsConfig } from '../../harness/aws.js';

/** A FIFO jobs queue and a standard delay queue, configured as infra/resources/queues.yml, with unique names. */
export async function jobQueues(label: string) {
  const client = new SQSClient(awsConfig());
  const suffix = randomBytes(4).toString('hex');
  const { QueueUrl: queueUrl } = await client.send(new CreateQueueCommand({
    QueueName: `sluice-test-${label}-${suffix}.fifo`,
    Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'false', VisibilityTimeout: '960' },
  }));
  const { QueueUrl: delayQueueUrl } = await client.send(new CreateQueueCommand({ QueueName: `sluice-test-${label}-delays-${suffix}` }));
  return { client, queueUrl: queueUrl as string, delayQueueUrl: delayQueueUrl as string };
}

/**
 * Receives and deletes, as a consumer does, until the queue answers empty; messages carry group and
 * deduplication ids. (A FIFO queue holds back a group's later messages while earlier ones are in flight.)
 */
export async function receiveAll(client: SQSClient, queueUrl: string, waitSeconds = 0): Promise<Message[]> {
  const messages: Message[] = [];
  for (;;) {
    const { Messages = [] } = await client.send(new ReceiveMessageCommand({
      QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: messages.length > 0 ? 0 : waitSeconds,
      MessageSystemAttributeNames: ['MessageGroupId', 'MessageDeduplicationId'],
    }));
    if (Messages.length === 0) return messages;
    messages.push(...Messages);
    await client.send(new DeleteMessageBatchCommand({
      QueueUrl: queueUrl,
      Entries: Messages.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle })),
    }));
  }
}
