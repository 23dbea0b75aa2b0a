import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { JobQueue } from '../../../lib/queue/index.js';
import { createDocumentClient, StatusStore } from '../../../lib/store/index.js';
import { awsConfig } from '../../harness/aws.js';
import { localQueueUrl } from '../../../infra/local/aws-resources.js';
import { deployFromTemplate } from '../../harness/template-stack.js';

/** A status table and the FIFO jobs queue, as the packaged template declares them, with names unique to the caller. */
export async function statusApiParts(label: string) {
  const { physicalIds } = await deployFromTemplate(label, ['StatusTable', 'JobsQueue', 'JobsDeadLetterQueue']);
  const tableName = physicalIds.StatusTable!;
  const sqs = new SQSClient(awsConfig());
  const queueUrl = await localQueueUrl(sqs, physicalIds.JobsQueue!);
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
