import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';

export interface JobIdempotencyOptions {
  client: DynamoDBClient;
  /** The idempotency table (partition key `id`, TTL `expiration`), as in infra/resources/tables.yml. */
  tableName: string;
  /**
   * How long a done job is remembered. Keep it short (default 15 minutes): long enough to swallow SQS
   * redeliveries, short enough that a later, deliberate sync of the same revision still runs.
   */
  expiresAfterSeconds?: number;
}

export interface JobIdempotency {
  /** The worker passes its Lambda context here (`registerLambdaContext`), so a crashed attempt's lock expires with it. */
  config: IdempotencyConfig;
  /**
   * Runs `work` once per key while its record lives; a repeat returns the first run's result without running.
   * A repeat while the first still runs throws Powertools' IdempotencyAlreadyInProgressError: retry it later.
   * A failed run leaves no record. Results must be JSON.
   */
  once<R>(key: string, work: () => Promise<R>): Promise<R>;
}

/** Done-job idempotency on Powertools' DynamoDB persistence layer, keyed by the caller's job key (e.g. its deduplication id). */
export function createJobIdempotency(options: JobIdempotencyOptions): JobIdempotency {
  const persistenceStore = new DynamoDBPersistenceLayer({ tableName: options.tableName, awsSdkV3Client: options.client });
  const config = new IdempotencyConfig({ expiresAfterSeconds: options.expiresAfterSeconds ?? 900 });
  const run = makeIdempotent(async (_key: string, work: () => Promise<unknown>) => work(), {
    persistenceStore, config, keyPrefix: 'sluice-job', dataIndexArgument: 0,
  });
  return { config, once: <R>(key: string, work: () => Promise<R>) => run(key, work) as Promise<R> };
}
