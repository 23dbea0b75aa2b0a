import type { HistoryEntryView } from '../../api/index.js';
import type { Command } from '../command.js';
import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { awaitOperation } from '../remote/await-operation.js';
import type { RemoteBackend } from '../remote/remote-backend.js';
import { requireRemote } from '../remote/require-remote.js';
import { formatOperation } from '../views/operation-view.js';
import { formatResourceTable } from '../views/resource-table.js';
import { shortRevision } from '../../format/index.js';
import { pollIntervalMs, timeoutMsOf, timeoutOption } from '../wait-options.js';

export const appRollback: Command = {
  path: ['app', 'rollback'],
  summary: 'Sync a revision from history again (default: the previous successful one)',
  description: [
    'Remote mode only. Without an id, rolls back to the newest successful entry whose revision differs from the',
    'deployed one. Queues the rollback (POST /apps/{name}/rollback) and waits for it like sync. The rollback pins',
    'the app: auto-sync and self-heal leave it at that revision until a newer commit lands on the tracked branch',
    'or `sluice app unpin` lifts the pin.',
  ].join('\n'),
  args: [{ name: 'app' }, { name: 'id', optional: true }],
  options: {
    async: { type: 'boolean', description: 'return once the rollback is queued' },
    timeout: timeoutOption,
  },
  connection: true,
  examples: ['sluice app rollback guestbook', 'sluice app rollback guestbook 2026-03-01T11:00:00.000Z_4f1a9c'],
  async run(context) {
    const { args, flags, out, io, name } = context;
    const timeoutMs = timeoutMsOf(flags, name);
    const backend = requireRemote(context, 'rollback reads the history recorded in the status store');
    const app = args[0]!;
    const id = args[1] ?? (await previousSuccess(backend, app)).id;
    const answer = await backend.rollback(app, id);
    if (flags.async === true) {
      out.result(answer, () => `${app}: rollback to ${shortRevision(answer.queued.revision)} queued; \`sluice app wait ${app}\` waits for it`);
      return ExitCode.ok;
    }
    const finished = await awaitOperation(backend, answer.queued, { timeoutMs, intervalMs: pollIntervalMs('remote', io.env), progress: out.progress() });
    out.result(finished, () => `${formatOperation(app, finished.lastOperation, out.paint)}\n${formatResourceTable(finished.resources, out.paint)}`);
    return finished.lastOperation.phase === 'Succeeded' ? ExitCode.ok : ExitCode.operationFailed;
  },
};

/** The newest successful entry whose revision is not the deployed one. */
async function previousSuccess(backend: RemoteBackend, app: string): Promise<HistoryEntryView> {
  const [detail, history] = await Promise.all([backend.getApp(app), backend.history(app, 100)]);
  const entry = history.find((e) => e.phase === 'Succeeded' && e.revision !== detail.revision);
  if (!entry) throw new CliError(`app ${app}: no earlier successful sync of another revision to roll back to; \`sluice app history ${app}\` lists the entries, give one's id`);
  return entry;
}
