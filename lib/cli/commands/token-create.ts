import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { stringFlag } from '../options.js';

export const tokenCreate: Command = {
  path: ['token', 'create'],
  summary: 'Create a status API token (read or operate); it is printed once and stored only as a hash',
  description: [
    'Creates a bearer token for the status API, the CLI and the status page. The token is printed once;',
    'the status table keeps only its SHA-256 hash. read tokens may use the GET routes, operate tokens may also',
    'sync and roll back. Uses TABLE_NAME and the AWS SDK environment, like cluster add.',
  ].join('\n'),
  args: [{ name: 'name' }],
  options: {
    role: { type: 'string', value: 'read|operate', description: 'what the token may do (default read)' },
  },
  connection: false,
  examples: ['sluice token create ci-deploy --role operate', 'sluice token create dashboard'],
  async run({ args, flags, io, out, name: command }) {
    const role = stringFlag(flags, 'role') ?? 'read';
    if (role !== 'read' && role !== 'operate') throw new UsageError(`--role ${role}: use read or operate`, command);
    const [{ clusterDeps }, { createApiToken }] = await Promise.all([import('../cluster/cluster-deps.js'), import('../../api/index.js')]);
    const created = await createApiToken(clusterDeps(io.env).store, { name: args[0]!, role });
    out.result(created, () => `token ${created.id} (${created.name}, ${created.role}); shown only now:\n${created.token}`);
    return ExitCode.ok;
  },
};
