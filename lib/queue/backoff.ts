import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** Seconds before a failed message is received again: 10 s, 20 s, 40 s… at most 15 minutes. */
export function retryBackoffSeconds(receiveCount: number, baseSeconds = 10, maxSeconds = 900): number {
  return Math.min(maxSeconds, baseSeconds * 2 ** Math.max(0, receiveCount - 1));
}

/**
 * Makes a message whose job failed for a passing reason visible again only after an exponential backoff,
 * instead of after the queue's full visibility timeout. After maxReceiveCount receives SQS moves it to the DLQ.
 */
export async function backOffMessage(client: SQSClient, queueUrl: string, receiptHandle: string, receiveCount: number): Promise<number> {
  const seconds = retryBackoffSeconds(receiveCount);
  await client.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle, VisibilityTimeout: seconds }));
  return seconds;
}

/**
 * Makes a message that was not run (it came after a failed job of its app in the same batch) visible again at
 * once, instead of after the queue's visibility timeout (30 minutes in AWS): the failed job before it, backed
 * off, still holds the app's FIFO group, so order is kept.
 */
export async function releaseMessage(client: SQSClient, queueUrl: string, receiptHandle: string): Promise<void> {
  await client.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle, VisibilityTimeout: 0 }));
}
