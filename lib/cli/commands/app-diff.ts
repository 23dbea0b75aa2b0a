import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { withBackend } from '../open-backend.js';
import { stringFlag } from '../options.js';
import { diffSummaryLine, formatDiff } from '../views/diff-text.js';

export const appDiff: Command = {
  path: ['app', 'diff'],
  summary: 'Show what a sync would change: unified diffs of live → Git',
  description: [
    'Renders the head of the target revision (or --revision) and compares it with the live cluster; nothing is',
    'changed. Secret values are masked. Exit 0 when there is no difference, 1 when there is one, 2 on error.',
    '--local renders a directory on this machine in place of the source path (local mode: it needs --apps and',
    'a kubeconfig). Remote mode with --revision asks for a dry-run sync, which needs an operate token.',
  ].join('\n'),
  args: [{ name: 'app' }],
  options: {
    local: { type: 'string', value: 'path', description: "render this directory instead of the app's source path (local mode)" },
    revision: { type: 'string', value: 'rev', description: 'compare this commit (sha, branch or tag) instead of the head of the target revision' },
  },
  connection: true,
  examples: [
    'sluice app diff guestbook',
    'sluice app diff guestbook --revision 3f2c1e0',
    'sluice app diff guestbook --local ./guestbook --apps ./apps',
  ],
  async run(context) {
    const { name, out, args, flags, io } = context;
    const local = stringFlag(flags, 'local');
    const revision = stringFlag(flags, 'revision');
    if (local !== undefined && revision !== undefined) throw new UsageError('--local and --revision: give one; --local renders files, not a commit', name);
    const app = args[0]!;
    const diff = await withBackend(context, name, async (backend) => {
      const progress = out.progress();
      progress.update(`${app}: rendering and comparing with the cluster`);
      try {
        return await backend.diffApp(app, { revision, localPath: local === undefined ? undefined : resolve(io.cwd, local) });
      } finally {
        progress.stop();
      }
    }, local !== undefined ? '--local' : undefined);
    out.result(diff, () => formatDiff(diff, out.paint));
    if (!out.structured) {
      for (const warning of diff.warnings) out.warn(warning);
      for (const error of diff.errors) out.note(`error: ${error}`);
      out.note(diffSummaryLine(diff));
    }
    return diff.status === 'Synced' ? ExitCode.ok : ExitCode.different;
  },
};
