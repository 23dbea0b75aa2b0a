import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { createTables } from '../../lib/store/index.js';

export interface LocalAwsResources {
  tableName: string;
  idempotencyTableName: string;
  jobsQueueUrl: string;
  jobsDlqUrl: string;
  delayQueueUrl: string;
  sourceArtifactsBucket: string;
}

/**
 * The same tables, queues and source-artifacts bucket as infra/resources/*.yml, created in moto for the local loop and tests.
 * The jobs queue's visibility timeout is the worker's timeout (300 s; 6 times that in AWS), so a job still running
 * under load is never handed to a second worker; failed jobs come back after their backoff, not after this.
 */
export async function createLocalAwsResources(prefix: string, visibilityTimeoutSeconds = 300): Promise<LocalAwsResources> {
  const sqs = new SQSClient({});
  const queue = async (name: string, attributes: Record<string, string>) =>
    (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl!;
  const arnOf = async (url: string) =>
    (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;

  const tableName = `${prefix}-status`;
  const idempotencyTableName = `${prefix}-idempotency`;
  await createTables(new DynamoDBClient({}), { status: tableName, idempotency: idempotencyTableName });

  const jobsDlqUrl = await queue(`${prefix}-jobs-dlq.fifo`, { FifoQueue: 'true' });
  const jobsQueueUrl = await queue(`${prefix}-jobs.fifo`, {
    FifoQueue: 'true', VisibilityTimeout: String(visibilityTimeoutSeconds),
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: await arnOf(jobsDlqUrl), maxReceiveCount: 5 }),
  });
  const delayQueueUrl = await queue(`${prefix}-job-delays`, { VisibilityTimeout: '60' });
  const sourceArtifactsBucket = `${prefix}-sources`.toLowerCase();
  await new S3Client({ forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: sourceArtifactsBucket }));
  return { tableName, idempotencyTableName, jobsQueueUrl, jobsDlqUrl, delayQueueUrl, sourceArtifactsBucket };
}
