import type { Command } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { withBackend } from '../open-backend.js';
import { formatAppList } from '../views/app-list-view.js';

export const appList: Command = {
  path: ['app', 'list'],
  summary: 'List the apps with their sync and health status',
  description: 'Remote mode reads the recorded status (GET /apps); local mode compares each app with the cluster now.',
  args: [],
  options: {},
  connection: true,
  examples: ['sluice app list', 'sluice app list -o json', 'sluice app list --local-mode --apps ./apps --kubeconfig ~/.kube/config'],
  async run(context) {
    const { name, out } = context;
    const list = await withBackend(context, name, (backend) => backend.listApps());
    out.result(list, () => formatAppList(list, out.paint));
    return ExitCode.ok;
  },
};
