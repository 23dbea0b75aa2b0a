import type { ApiDeps, ApiLogger, ApiQueue, ApiRequest, ApiStore, RevisionDiff } from '../../../lib/api/index.js';
import { defaultProject, defaultSyncOptions, type Application } from '../../../lib/model/index.js';
import type { EnqueuedJob, Job } from '../../../lib/queue/index.js';
import { hashApiToken, type ApiToken, type AppStatus, type AppStatusSummary, type DeletedApp, type HistoryEntry, type HistoryRecord, type RegistrySnapshot } from '../../../lib/store/index.js';

/** The store's read contract in memory, for routing and shaping logic only (the real store is tested against moto, test/integration/api). */
export class MemoryStore implements ApiStore {
  registry: RegistrySnapshot | undefined;
  readonly statuses = new Map<string, AppStatus>();
  readonly history = new Map<string, HistoryRecord[]>();
  readonly tokens = new Map<string, ApiToken>();
  readonly deliveries = new Set<string>();

  async getRegistry() { return this.registry; }
  async getAppStatus(app: string) { return this.statuses.get(app); }
  async listAppStatuses(): Promise<AppStatusSummary[]> {
    return [...this.statuses.values()].map(({ resources: _, ...summary }) => summary);
  }
  /** Records as the test stored them, newest first: the real store's ordering and limits are tested against moto. */
  async listHistory(app: string): Promise<HistoryEntry[]> {
    return (this.history.get(app) ?? []).map(({ resources: _r, warnings: _w, ...entry }) => entry);
  }
  async getHistory(app: string, id: string) { return this.history.get(app)?.find((record) => record.id === id); }
  async findApiTokenByHash(hash: string) { return this.tokens.get(hash); }
  readonly deleted = new Map<string, DeletedApp>();
  async getDeletedApp(app: string) { return this.deleted.get(app); }
  async recordDelivery(id: string) {
    if (this.deliveries.has(id)) return false;
    this.deliveries.add(id);
    return true;
  }
}

export class MemoryQueue implements ApiQueue {
  readonly jobs: Job[] = [];
  async enqueueJobs(jobs: readonly Job[]): Promise<EnqueuedJob[]> {
    this.jobs.push(...jobs);
    return jobs.map((job, index) => ({ job, messageId: `m-${this.jobs.length + index}`, deduplicationId: 'd' }));
  }
}

export class MemoryLogger implements ApiLogger {
  readonly lines: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  info(message: string, fields: Record<string, unknown>) { this.lines.push({ level: 'info', message, fields }); }
  warn(message: string, fields: Record<string, unknown>) { this.lines.push({ level: 'warn', message, fields }); }
  error(message: string, fields: Record<string, unknown>) { this.lines.push({ level: 'error', message, fields }); }
  text(): string { return JSON.stringify(this.lines); }
}

export const readToken = 'sluice_read-token-for-tests';
export const operateToken = 'sluice_operate-token-for-tests';
export const fixedNow = new Date('2026-03-01T12:00:00.000Z');
export const sha = (c: string) => c.repeat(40);

export function application(name: string, overrides: Partial<Application> = {}): Application {
  return {
    name, project: 'default',
    source: { repoURL: 'https://github.com/acme/apps.git', targetRevision: 'main', path: `apps/${name}` },
    destination: { name: 'in-cluster', namespace: name },
    syncPolicy: { syncOptions: { ...defaultSyncOptions } },
    ignoreDifferences: [], revisionHistoryLimit: 10, labels: {}, annotations: {},
    ...overrides,
  };
}

export const sampleDiff: RevisionDiff = {
  revision: sha('c'),
  status: 'OutOfSync',
  health: 'Progressing',
  summary: { created: 0, configured: 1, unchanged: 1, pruned: 0 },
  resources: [
    { ref: { group: 'apps', kind: 'Deployment', namespace: 'web', name: 'web' }, action: 'configured', diff: '-  replicas: 1\n+  replicas: 2\n', changedPaths: ['spec.replicas'], apiVersion: 'v1', phase: 'Sync', wave: 0, hook: false, dryRun: true },
    { ref: { group: '', kind: 'Secret', namespace: 'web', name: 'creds' }, action: 'unchanged', diff: '', changedPaths: [], apiVersion: 'v1', phase: 'Sync', wave: 0, hook: false, dryRun: true },
  ],
  warnings: [],
  errors: [],
};

export interface TestDeps extends ApiDeps {
  store: MemoryStore;
  queue: MemoryQueue;
  logger: MemoryLogger;
  diffCalls: { app: string; revision?: string }[];
}

/** Deps with a registry of `web` and `api`, a read and an operate token, and a diff that answers `sampleDiff`. */
export function memoryDeps(): TestDeps {
  const store = new MemoryStore();
  store.registry = { revision: sha('f'), applications: [application('web'), application('api')], projects: [defaultProject()], warnings: [], loadedAt: fixedNow.toISOString() };
  store.tokens.set(hashApiToken(readToken), { id: 'tok_r', name: 'dashboard', role: 'read', hash: hashApiToken(readToken) });
  store.tokens.set(hashApiToken(operateToken), { id: 'tok_o', name: 'ci-deploy', role: 'operate', hash: hashApiToken(operateToken) });
  const diffCalls: TestDeps['diffCalls'] = [];
  return {
    store, queue: new MemoryQueue(), logger: new MemoryLogger(), diffCalls, now: () => fixedNow,
    diff: async (app, options) => {
      diffCalls.push({ app, ...options });
      return { ...sampleDiff, ...(options.revision ? { revision: options.revision } : {}) };
    },
  };
}

export function request(method: string, path: string, options: { token?: string; body?: string; query?: Record<string, string>; headers?: Record<string, string> } = {}): ApiRequest {
  return {
    method, path,
    headers: { ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    query: options.query ?? {},
    ...(options.body !== undefined ? { body: options.body } : {}),
  };
}

export const bodyOf = (response: { body: string }): any => JSON.parse(response.body);
