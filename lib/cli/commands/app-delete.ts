import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { stringFlag } from '../options.js';
import { requireRemote } from '../remote/require-remote.js';

export const appDelete: Command = {
  path: ['app', 'delete'],
  summary: 'Confirm, or retry, the deletion of an app removed from the config repo',
  description: [
    'Remote mode only. Sluice deletes an app when its Application leaves the config repo (with',
    'resources-finalizer.argocd.argoproj.io its objects go too); an app the config repo declares is refused. This',
    'confirms an app the mass-deletion guard holds (a push that removed more than half of the apps deletes none of',
    'them until each is confirmed), or tries a stopped deletion (a failed PreDelete hook, a refused delete) again',
    'now (POST /apps/{name}/delete). `sluice app get <app>` shows how far it got.',
  ].join('\n'),
  args: [{ name: 'app' }],
  options: {
    'skip-hooks': { type: 'boolean', description: "leave out the app's PreDelete and PostDelete hooks (they cannot succeed, or its source is gone)" },
    cascade: { type: 'string', value: 'true|false', description: 'false leaves the app\'s objects in the cluster, whatever its finalizer says (argocd app delete --cascade=false)' },
  },
  connection: true,
  examples: ['sluice app delete guestbook', 'sluice app delete guestbook --skip-hooks', 'sluice app delete guestbook --cascade=false'],
  async run(context) {
    const { args, flags, out, name } = context;
    const cascade = stringFlag(flags, 'cascade');
    if (cascade !== undefined && cascade !== 'true' && cascade !== 'false') throw new UsageError(`--cascade ${cascade}: use true or false`, name);
    const backend = requireRemote(context, 'deletions are recorded in the status store');
    const app = args[0]!;
    const answer = await backend.deleteApp(app, { ...(flags['skip-hooks'] === true ? { skipHooks: true } : {}), ...(cascade === 'false' ? { cascade: false } : {}) });
    const what = answer.queued.kind === 'reload-registry' ? 'deletion confirmed; the registry reload that deletes it is queued' : 'deletion queued';
    out.result(answer, () => `${app}: ${what}; \`sluice app get ${app}\` shows how far it got`);
    return ExitCode.ok;
  },
};
