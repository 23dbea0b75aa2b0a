import type { RepositoryKind, RepositoryRecord } from '../../repositories/index.js';
import type { Command } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { formatTable } from '../output/table.js';
import { repoWords } from '../repo/repo-words.js';

/** What the list shows of an entry: never a password, key or token (the index holds none), nor the secret's id. */
function shown({ url, type, username, githubAppID, githubAppInstallationID, githubAppEnterpriseBaseUrl, repositoryType, enableOCI }: RepositoryRecord) {
  return { url, type, ...(repositoryType ? { repositoryType } : {}), ...(enableOCI ? { enableOCI } : {}), ...(username ? { username } : {}), ...(githubAppID ? { githubAppID, githubAppInstallationID } : {}), ...(githubAppEnterpriseBaseUrl ? { githubAppEnterpriseBaseUrl } : {}) };
}

function listCommand(kind: RepositoryKind): Command {
  const words = repoWords[kind];
  return {
    path: [words.group, 'list'],
    summary: `List the stored ${words.plural}: URL, type, user or GitHub App, never a password, key or token`,
    description: 'Reads the repository index in the status table; uses TABLE_NAME and the AWS SDK environment like cluster add.',
    args: [],
    options: {},
    connection: false,
    examples: [`sluice ${words.group} list`, `sluice ${words.group} list -o json`],
    async run({ io, out }) {
      const { clusterDeps } = await import('../cluster/cluster-deps.js'); // the AWS SDK, only when needed
      const entries = (await clusterDeps(io.env).store.getRepositoryIndex()).filter((r) => r.kind === kind).map(shown).sort((a, b) => (a.url < b.url ? -1 : 1));
      const rows = entries.map((r) => [r.url, r.repositoryType === 'helm' ? `helm${r.enableOCI ? ' (oci)' : ''}` : r.type, r.username ?? (r.type === 'https' ? 'x-access-token' : ''), r.githubAppID ? `${r.githubAppID} (installation ${r.githubAppInstallationID})` : '', r.githubAppEnterpriseBaseUrl ?? '']);
      const none = kind === 'repository'
        ? 'No repositories stored; add one with `sluice repo add <url> --username <user> --password <token>`.'
        : 'No credential templates stored; add one with `sluice repocreds add <url-prefix> --username <user> --password <token>`.';
      out.result({ [kind === 'repository' ? 'repositories' : 'templates']: entries }, () => (entries.length ? formatTable(['URL', 'TYPE', 'USERNAME', 'GITHUB APP', 'GITHUB API'], rows) : none));
      return ExitCode.ok;
    },
  };
}

export const repoList = listCommand('repository');
export const repocredsList = listCommand('template');
