import type { Command, CommandContext } from '../command.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import type { LocalBackend } from '../local/local-backend.js';
import { withBackend } from '../open-backend.js';
import { stringFlag } from '../options.js';
import { awaitOperation } from '../remote/await-operation.js';
import type { RemoteBackend } from '../remote/remote-backend.js';
import { diffSummaryLine, formatDiff } from '../views/diff-text.js';
import { formatOperation } from '../views/operation-view.js';
import { formatResourceTable } from '../views/resource-table.js';
import { pollIntervalMs, timeoutMsOf, timeoutOption } from '../wait-options.js';

export const appSync: Command = {
  path: ['app', 'sync'],
  summary: 'Sync an app to its target revision (or --revision) and wait for the result',
  description: [
    'Remote mode queues a manual sync (POST /apps/{name}/sync) and waits until the worker records it, showing',
    'progress on stderr; --async returns once it is queued. Local mode runs the engine here. Exit 0 when the',
    'operation succeeded, 1 when it failed, 2 on error, 3 when --timeout passed first (remote mode).',
  ].join('\n'),
  args: [{ name: 'app' }],
  options: {
    prune: { type: 'boolean', description: "delete tracked objects that left Git (default the app's automated.prune)" },
    'dry-run': { type: 'boolean', description: 'change nothing: show what the sync would do' },
    revision: { type: 'string', value: 'rev', description: 'sync this commit (sha, branch or tag) instead of the head of the target revision' },
    async: { type: 'boolean', description: 'remote mode: return once the sync is queued' },
    timeout: timeoutOption,
  },
  connection: true,
  examples: ['sluice app sync guestbook', 'sluice app sync guestbook --prune --revision 3f2c1e0d…', 'sluice app sync guestbook --dry-run', 'sluice app sync guestbook --local-mode --apps ./apps'],
  async run(context) {
    const timeoutMs = timeoutMsOf(context.flags, context.name);
    return withBackend(context, context.name, (backend) => (backend.kind === 'remote' ? syncRemote(context, backend, timeoutMs) : syncLocal(context, backend)));
  },
};

async function syncRemote(context: CommandContext, backend: RemoteBackend, timeoutMs: number): Promise<number> {
  const { args, flags, out, io } = context;
  const app = args[0]!;
  const requested = stringFlag(flags, 'revision');
  const revision = requested === undefined ? undefined : await backend.resolveRevision(app, requested);
  const answer = await backend.sync(app, { revision, prune: flags.prune === true ? true : undefined, dryRun: flags['dry-run'] === true ? true : undefined });
  if ('diff' in answer) {
    out.result(answer, () => formatDiff(answer.diff, out.paint) || 'Nothing to change.');
    if (!out.structured) out.note(`dry run, nothing queued: ${diffSummaryLine(answer.diff)}`);
    return ExitCode.ok;
  }
  const job = answer.queued;
  if (flags.async === true) {
    out.result(answer, () => `${app}: sync queued at ${job.requestedAt}; \`sluice app wait ${app}\` waits for it`);
    return ExitCode.ok;
  }
  const finished = await awaitOperation(backend, job, { timeoutMs, intervalMs: pollIntervalMs('remote', io.env), progress: out.progress() });
  out.result(finished, () => `${formatOperation(app, finished.lastOperation, out.paint)}\n${formatResourceTable(finished.resources, out.paint)}`);
  return finished.lastOperation.phase === 'Succeeded' ? ExitCode.ok : ExitCode.operationFailed;
}

async function syncLocal(context: CommandContext, backend: LocalBackend): Promise<number> {
  const { args, flags, out, name } = context;
  if (flags.async === true) throw new UsageError('--async needs remote mode: in local mode the sync runs in this process', name);
  const app = args[0]!;
  const dryRun = flags['dry-run'] === true;
  const progress = out.progress();
  progress.update(`${app}: ${dryRun ? 'dry-run ' : ''}syncing to ${backend.cluster.name} (${backend.cluster.server})`);
  const result = await backend.sync(app, { revision: stringFlag(flags, 'revision'), prune: flags.prune === true, dryRun }).finally(() => progress.stop());
  out.result(result, () => `${formatOperation(app, result, out.paint)}\n${formatResourceTable(result.resources, out.paint, { dryRun })}`);
  for (const warning of out.structured ? [] : result.warnings) out.warn(warning);
  return result.phase === 'Succeeded' ? ExitCode.ok : ExitCode.operationFailed;
}
