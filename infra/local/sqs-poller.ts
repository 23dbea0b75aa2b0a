import { createHash } from 'node:crypto';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { lambdaContext } from './lambda-context.js';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

/** An SQS record exactly as Lambda's event source mapping delivers it. */
export function sqsRecord(message: Message, queueArn: string, region: string): SQSRecord {
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId!,
    receiptHandle: message.ReceiptHandle!,
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
      SenderId: attributes.SenderId ?? '000000000000',
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      ...(attributes.SequenceNumber ? { SequenceNumber: attributes.SequenceNumber } : {}),
      ...(attributes.MessageGroupId ? { MessageGroupId: attributes.MessageGroupId } : {}),
      ...(attributes.MessageDeduplicationId ? { MessageDeduplicationId: attributes.MessageDeduplicationId } : {}),
    },
    messageAttributes: {},
    md5OfBody: message.MD5OfBody ?? createHash('md5').update(message.Body ?? '').digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

/**
 * Polls a queue and invokes a handler with batches, as Lambda's event source mapping does: records the
 * handler reports in batchItemFailures (or all, if it throws) stay on the queue and come back after the
 * visibility timeout; the rest are deleted.
 */
export class SqsPoller {
  #running = false;
  #loop: Promise<void> | undefined;
  readonly #sqs = new SQSClient({});

  constructor(private readonly name: string, private readonly queueUrl: string, private readonly handler: SqsHandler, private readonly batchSize = 10) {}

  async start(): Promise<void> {
    const { Attributes } = await this.#sqs.send(new GetQueueAttributesCommand({ QueueUrl: this.queueUrl, AttributeNames: ['QueueArn'] }));
    const arn = Attributes?.QueueArn ?? '';
    const region = (await this.#sqs.config.region()) ?? 'us-east-1';
    this.#running = true;
    this.#loop = (async () => {
      while (this.#running) {
        const { Messages = [] } = await this.#sqs.send(new ReceiveMessageCommand({
          QueueUrl: this.queueUrl, MaxNumberOfMessages: this.batchSize, WaitTimeSeconds: 1, MessageSystemAttributeNames: ['All'],
        })).catch(() => ({ Messages: [] as Message[] }));
        if (!Messages.length || !this.#running) continue;
        const event: SQSEvent = { Records: Messages.map((m) => sqsRecord(m, arn, region)) };
        let failed = new Set<string>();
        try {
          const response = await this.handler(event, lambdaContext(this.name));
          failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        } catch (error) {
          console.error(`[${this.name}] handler failed for the whole batch: ${(error as Error).message}`);
          failed = new Set(Messages.map((m) => m.MessageId!));
        }
        const done = Messages.filter((m) => !failed.has(m.MessageId!));
        if (done.length) {
          await this.#sqs.send(new DeleteMessageBatchCommand({
            QueueUrl: this.queueUrl, Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
          }));
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.#running = false;
    await this.#loop;
  }
}
