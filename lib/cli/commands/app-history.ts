import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { stringFlag } from '../options.js';
import { requireRemote } from '../remote/require-remote.js';
import { formatHistory } from '../views/history-view.js';

export const appHistory: Command = {
  path: ['app', 'history'],
  summary: "List an app's recorded operations, newest first",
  description: 'Remote mode only: the worker records every sync and rollback in the status store (GET /apps/{name}/history).',
  args: [{ name: 'app' }],
  options: {
    limit: { type: 'string', value: 'n', description: 'how many entries, 1 to 100 (default 10)' },
  },
  connection: true,
  examples: ['sluice app history guestbook', 'sluice app history guestbook --limit 3 -o json'],
  async run(context) {
    const { args, flags, out, name } = context;
    const raw = stringFlag(flags, 'limit') ?? '10';
    const limit = Number(raw);
    if (!/^\d+$/.test(raw) || limit < 1 || limit > 100) throw new UsageError(`--limit ${JSON.stringify(raw)}: give a whole number from 1 to 100`, name);
    const backend = requireRemote(context, 'history is recorded by the worker in the status store');
    const history = await backend.history(args[0]!, limit);
    out.result({ history }, () => formatHistory(history, out.paint));
    return ExitCode.ok;
  },
};
