import type { RepositoryKind } from '../../repositories/index.js';
import type { Command } from '../command.js';
import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { repoWords } from '../repo/repo-words.js';

function rmCommand(kind: RepositoryKind): Command {
  const words = repoWords[kind];
  return {
    path: [words.group, 'rm'],
    summary: `Remove a stored ${words.noun}: its index entry and its secret`,
    description: `Deletes the Secrets Manager secret at once (no recovery window) and the entry \`sluice ${words.group} list\` shows. Workers stop using the credentials within a minute.`,
    args: [{ name: words.url }],
    options: {},
    connection: false,
    examples: [`sluice ${words.group} rm ${kind === 'repository' ? 'https://github.com/acme/deploy.git' : 'https://github.com/acme'}`],
    async run({ args, io, out }) {
      const [{ clusterDeps }, { removeRepository }] = await Promise.all([import('../cluster/cluster-deps.js'), import('../../runtime/index.js')]);
      const url = args[0]!;
      if (!(await removeRepository(clusterDeps(io.env), kind, url))) throw new CliError(`${words.noun} ${url} is not stored; \`sluice ${words.group} list\` lists them`);
      out.result({ removed: url }, () => `${words.noun} ${url} removed`);
      return ExitCode.ok;
    },
  };
}

export const repoRm = rmCommand('repository');
export const repocredsRm = rmCommand('template');
