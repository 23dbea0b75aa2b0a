import type { Job } from '../../../lib/queue/types.js';
import type { AppIndex, DeliveryLog, IndexedApp, JobSink, WebhookDeps, WebhookLogger } from '../../../lib/github/index.js';

/** The delivery log's contract in memory: an atomic first-claim-wins set. */
export class MemoryDeliveryLog implements DeliveryLog {
  readonly ids = new Set<string>();
  async record(deliveryId: string): Promise<boolean> {
    if (this.ids.has(deliveryId)) return false;
    this.ids.add(deliveryId);
    return true;
  }
  async release(deliveryId: string): Promise<void> {
    this.ids.delete(deliveryId);
  }
}

/** Collects jobs; `failures` makes the next n enqueues reject as an unreachable queue would. */
export class MemoryJobSink implements JobSink {
  readonly jobs: Job[] = [];
  failures = 0;
  async enqueue(jobs: Job[]): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('connect ECONNREFUSED 127.0.0.1:4566 (queue https://sqs.example/jobs.fifo)');
    }
    this.jobs.push(...jobs);
  }
}

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

export class MemoryLogger implements WebhookLogger {
  readonly lines: LogLine[] = [];
  info(message: string, fields?: Record<string, unknown>): void { this.lines.push({ level: 'info', message, ...(fields ? { fields } : {}) }); }
  warn(message: string, fields?: Record<string, unknown>): void { this.lines.push({ level: 'warn', message, ...(fields ? { fields } : {}) }); }
  error(message: string, fields?: Record<string, unknown>): void { this.lines.push({ level: 'error', message, ...(fields ? { fields } : {}) }); }
  text(): string { return JSON.stringify(this.lines); }
}

export const secret = 'test-webhook-secret';
export const fixedNow = new Date('2026-03-01T12:00:00.000Z');

export interface MemoryDeps extends WebhookDeps {
  deliveries: MemoryDeliveryLog;
  jobs: MemoryJobSink;
  logger: MemoryLogger;
  secretReads: number;
}

/** Webhook deps over in-memory parts, serving `apps` and an optional config repo. */
export function memoryDeps(apps: IndexedApp[], configRepo?: AppIndex['configRepo']): MemoryDeps {
  const deps: MemoryDeps = {
    secretReads: 0,
    secret: async () => {
      deps.secretReads += 1;
      return secret;
    },
    deliveries: new MemoryDeliveryLog(),
    jobs: new MemoryJobSink(),
    apps: async () => ({ apps, ...(configRepo ? { configRepo } : {}) }),
    now: () => fixedNow,
    logger: new MemoryLogger(),
  };
  return deps;
}
