import type { Command } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { withBackend } from '../open-backend.js';
import { formatAppDetail } from '../views/app-detail-view.js';

export const appGet: Command = {
  path: ['app', 'get'],
  summary: "Show an app's status, source, destination and resources",
  description: [
    'Remote mode shows the recorded status and the last result of each object (GET /apps/{name}). Local mode',
    'compares with the cluster now: an object a sync would change is listed as OutOfSync with what it would do.',
  ].join('\n'),
  args: [{ name: 'app' }],
  options: {},
  connection: true,
  examples: ['sluice app get guestbook', 'sluice app get guestbook -o yaml'],
  async run(context) {
    const { name, out, args } = context;
    const detail = await withBackend(context, name, (backend) => backend.getApp(args[0]!));
    out.result(detail, () => formatAppDetail(detail, out.paint));
    return ExitCode.ok;
  },
};
