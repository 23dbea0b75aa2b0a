import type { RepositoryKind } from '../../repositories/index.js';
import type { Command } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { checkAccess } from '../repo/check-access.js';
import { repoWords } from '../repo/repo-words.js';
import { secretFromFlags } from '../repo/secret-from-flags.js';

function addCommand(kind: RepositoryKind): Command {
  const words = repoWords[kind];
  const template = kind === 'template';
  return {
    path: [words.group, 'add'],
    summary: template
      ? 'Store credentials for every repository under a URL prefix (Argo CD\'s repocreds): HTTPS or a GitHub App'
      : 'Store a private Git repository\'s credentials in Secrets Manager: HTTPS username and password/token, or a GitHub App',
    description: [
      template
        ? 'A credential template is used for every repository whose URL starts with the prefix (whole path segments), unless the'
        : 'The worker, the drift scan and the status function read the repository with these credentials. A repository entry wins',
      template
        ? 'repository has an entry of its own (`sluice repo add`); of several templates, the longest prefix wins.'
        : 'over credential templates (`sluice repocreds add`). The credentials are tried first; --skip-check stores them untried.',
      `Stored as sluice/<STAGE>/repositories/<id> in Secrets Manager and listed (never the password or key) by \`sluice ${words.group} list\`;`,
      'adding the same URL again replaces its credentials. A GitHub App\'s key is exchanged for installation tokens (user',
      'x-access-token). Prefer SLUICE_REPO_PASSWORD to --password: command lines show up in `ps` and shell history.',
      'Uses TABLE_NAME, STAGE and the AWS SDK environment (AWS_REGION, credentials, AWS_ENDPOINT_URL), like cluster add.',
    ].join('\n'),
    args: [{ name: words.url }],
    options: {
      username: { type: 'string', value: 'user', description: 'HTTPS user name (default x-access-token, what GitHub expects with a token)' },
      password: { type: 'string', value: 'password', description: 'HTTPS password or token (default $SLUICE_REPO_PASSWORD; prefer the variable)' },
      'github-app-id': { type: 'string', value: 'id', description: 'the GitHub App\'s id' },
      'github-app-installation-id': { type: 'string', value: 'id', description: 'the id of the app\'s installation on the repositories\' owner' },
      'github-app-private-key-path': { type: 'string', value: 'file', description: 'the GitHub App\'s private key (PEM)' },
      'github-api-url': { type: 'string', value: 'url', description: 'GitHub Enterprise Server: its API, https://<host>/api/v3 (default https://api.github.com)' },
      'github-app-enterprise-base-url': { type: 'string', value: 'url', description: 'the same as --github-api-url (Argo CD\'s name)' },
      type: { type: 'string', value: 'git|helm', description: 'helm: a Helm chart repository (Argo CD\'s type: helm); default git' },
      'enable-oci': { type: 'boolean', description: 'with --type helm: an OCI registry (host/path or oci://host/path)' },
      ...(template ? {} : { 'skip-check': { type: 'boolean', description: 'store the credentials without trying them first' } as const }),
    },
    connection: false,
    examples: template ? [
      'sluice repocreds add https://github.com/acme --github-app-id 123456 --github-app-installation-id 7890123 --github-app-private-key-path ./app.pem',
      'SLUICE_REPO_PASSWORD=glpat-… sluice repocreds add https://gitlab.example.com/platform --username deploy',
    ] : [
      'SLUICE_REPO_PASSWORD=ghp_… sluice repo add https://github.com/acme/deploy.git',
      'sluice repo add https://git.example.com/team/app.git --username ci --password "$TOKEN"',
      'SLUICE_REPO_PASSWORD=… sluice repo add registry.example.com/charts --type helm --enable-oci --username puller',
      'sluice repo add https://charts.example.com --type helm --username ci --password "$TOKEN"',
      'sluice repo add https://ghe.example.com/acme/app --github-app-id 42 --github-app-installation-id 7 --github-app-private-key-path ./app.pem --github-api-url https://ghe.example.com/api/v3',
    ],
    async run({ args, flags, io, out, name: command }) {
      const secret = await secretFromFlags(args[0]!, flags, io, command);
      if (flags['skip-check'] !== true) await checkAccess(kind, secret, io.env);
      const [{ clusterDeps }, { registerRepository }] = await Promise.all([import('../cluster/cluster-deps.js'), import('../../runtime/index.js')]);
      const record = await registerRepository(clusterDeps(io.env), kind, secret);
      const who = record.repositoryType === 'helm' ? `helm${record.enableOCI ? ' (OCI)' : ''}, user ${record.username ?? 'x-access-token'}` : record.type === 'https' ? `https, user ${record.username ?? 'x-access-token'}` : `GitHub App ${record.githubAppID}, installation ${record.githubAppInstallationID}`;
      out.result(record, () => `${words.noun} ${record.url} added (${who}); credentials in Secrets Manager secret ${record.secretRef}`);
      return ExitCode.ok;
    },
  };
}

export const repoAdd = addCommand('repository');
export const repocredsAdd = addCommand('template');
