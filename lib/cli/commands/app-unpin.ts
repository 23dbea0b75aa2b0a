import type { Command } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { requireRemote } from '../remote/require-remote.js';

export const appUnpin: Command = {
  path: ['app', 'unpin'],
  summary: "Lift a rollback's pin, so auto-sync follows Git again",
  description: [
    'Remote mode only. A rollback pins the app to the revision it restored: drift scans and pushes of the commit',
    'rolled back from leave it there. A newer commit on the tracked branch lifts the pin by itself; this lifts it',
    'now (POST /apps/{name}/unpin), and an automated app then syncs the branch head again.',
  ].join('\n'),
  args: [{ name: 'app' }],
  options: {},
  connection: true,
  examples: ['sluice app unpin guestbook'],
  async run(context) {
    const { args, out } = context;
    const backend = requireRemote(context, 'the pin is recorded in the status store');
    const app = args[0]!;
    const answer = await backend.unpin(app);
    out.result(answer, () => `${app}: unpin queued; \`sluice app wait ${app}\` waits for the sync that follows`);
    return ExitCode.ok;
  },
};
