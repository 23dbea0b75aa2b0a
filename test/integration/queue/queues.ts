import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { awsConfig } from '../../harness/aws.js';
import { localQueueUrl } from '../../../infra/local/aws-resources.js';
import { deployFromTemplate } from '../../harness/template-stack.js';

/** The FIFO jobs queue and the delay queue (with their dead-letter queues) of the packaged template, with unique names. */
export async function jobQueues(label: string) {
  const client = new SQSClient(awsConfig());
  const { physicalIds } = await deployFromTemplate(label, ['JobsQueue', 'JobsDeadLetterQueue', 'JobDelayQueue', 'JobDelayDeadLetterQueue']);
  return { client, queueUrl: await localQueueUrl(client, physicalIds.JobsQueue!), delayQueueUrl: await localQueueUrl(client, physicalIds.JobDelayQueue!) };
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
