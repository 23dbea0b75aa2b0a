import type { Command } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { formatTable } from '../output/table.js';

export const clusterList: Command = {
  path: ['cluster', 'list'],
  summary: 'List the registered clusters: names, servers and the in-cluster mark, never credentials',
  description: 'Reads the registry in the status table; uses TABLE_NAME and the AWS SDK environment like cluster add.',
  args: [],
  options: {},
  connection: false,
  examples: ['sluice cluster list', 'sluice cluster list -o json'],
  async run({ io, out }) {
    const { clusterDeps } = await import('../cluster/cluster-deps.js'); // the AWS SDK, only when needed
    const registry = await clusterDeps(io.env).store.getRegistry();
    // Only name, server and the in-cluster mark: the secret's id is not a credential, but nothing here needs it.
    const clusters = (registry?.clusters ?? []).map(({ name, server, inCluster }) => ({ name, server, ...(inCluster ? { inCluster } : {}) })).sort((a, b) => (a.name < b.name ? -1 : 1));
    out.result({ clusters }, () => (clusters.length ? formatTable(['NAME', 'SERVER'], clusters.map((c) => [c.name, `${c.server}${c.inCluster ? ' (in-cluster)' : ''}`])) : 'No clusters registered; add one with `sluice cluster add <name> --kubeconfig <file>`.'));
    return ExitCode.ok;
  },
};
