import type { AppDetail } from '../../api/index.js';
import type { Command } from '../command.js';
import { TimeoutError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { withBackend } from '../open-backend.js';
import { poll } from '../poll.js';
import { formatAppDetail } from '../views/app-detail-view.js';
import { pollIntervalMs, timeoutMsOf, timeoutOption } from '../wait-options.js';

export const appWait: Command = {
  path: ['app', 'wait'],
  summary: 'Wait until an app is Synced and/or Healthy',
  description: [
    'Without --sync or --health, waits for both. Remote mode watches the recorded status; local mode compares',
    'with the cluster each time. Exit 0 once reached, 3 when --timeout passes first, 2 on error.',
  ].join('\n'),
  args: [{ name: 'app' }],
  options: {
    sync: { type: 'boolean', description: 'wait until the app is Synced' },
    health: { type: 'boolean', description: 'wait until the app is Healthy' },
    timeout: timeoutOption,
  },
  connection: true,
  examples: ['sluice app wait guestbook', 'sluice app wait guestbook --health --timeout 600'],
  async run(context) {
    const { args, flags, out, io, name } = context;
    const timeoutMs = timeoutMsOf(flags, name);
    const app = args[0]!;
    const both = flags.sync !== true && flags.health !== true;
    const wanted = { sync: both || flags.sync === true, health: both || flags.health === true };
    const goal = [wanted.sync && 'Synced', wanted.health && 'Healthy'].filter(Boolean).join(' and ');
    const reached = (detail: AppDetail) => (!wanted.sync || detail.sync === 'Synced') && (!wanted.health || detail.health === 'Healthy');
    let last: AppDetail | undefined;
    const detail = await withBackend(context, name, (backend) => poll(async () => {
      const current = (last = await backend.getApp(app));
      return reached(current) ? { done: true, value: current } : { done: false, state: `${app}: ${current.sync}, ${current.health}; waiting for ${goal}` };
    }, {
      timeoutMs, intervalMs: pollIntervalMs(backend.kind, io.env), progress: out.progress(),
      onTimeout: () => new TimeoutError(`app ${app}: not ${goal} after ${timeoutMs / 1000} s (now ${last?.sync}, ${last?.health}); wait longer with --timeout`),
    }));
    out.result(detail, () => formatAppDetail(detail, out.paint));
    return ExitCode.ok;
  },
};
