import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { stringFlag } from '../options.js';

export const clusterAdd: Command = {
  path: ['cluster', 'add'],
  summary: "Register a cluster: its kubeconfig credentials go to Secrets Manager",
  description: [
    "Reads one context of the kubeconfig (its current-context by default), stores the server, CA and token or",
    'client certificate in Secrets Manager as sluice/<STAGE>/clusters/<name>, and adds the name and server to the',
    'registry, so Applications can name the cluster in destination.name or destination.server. Only static',
    'credentials work: exec plugins (aws eks get-token, gke-gcloud-auth-plugin) and auth-providers are refused.',
    'Uses TABLE_NAME, STAGE and the AWS SDK environment (AWS_REGION, credentials, AWS_ENDPOINT_URL).',
  ].join('\n'),
  args: [{ name: 'name' }],
  options: {
    kubeconfig: { type: 'string', value: 'file', description: 'the kubeconfig to read (required)' },
    context: { type: 'string', value: 'name', description: "the context to register (default the kubeconfig's current-context)" },
  },
  connection: false,
  examples: ['sluice cluster add production --kubeconfig ./prod.kubeconfig', 'sluice cluster add staging --kubeconfig ~/.kube/config --context staging-admin'],
  async run({ args, flags, io, out, name: command }) {
    const name = args[0]!;
    const file = stringFlag(flags, 'kubeconfig');
    if (!file) throw new UsageError('--kubeconfig: give the kubeconfig holding the cluster\'s credentials', command);
    // Loaded on demand, as the AWS SDK and the Kubernetes client take a second to load.
    const [{ clusterDeps }, { kubeconfigToCredentials }, { registerCluster }, { clusterSecretName }] = await Promise.all([
      import('../cluster/cluster-deps.js'), import('../../kube/index.js'), import('../../runtime/index.js'), import('../../secrets/index.js'),
    ]);
    const deps = clusterDeps(io.env);
    const secretRef = clusterSecretName(deps.stage, name); // checks the name before anything is read or written
    const credentials = await kubeconfigToCredentials({ path: resolve(io.cwd, file) }, stringFlag(flags, 'context'));
    await registerCluster(deps, name, credentials);
    const record = { name, server: credentials.server, secretRef };
    out.result(record, () => `cluster ${name} added: ${credentials.server} (credentials in Secrets Manager secret ${secretRef})`);
    return ExitCode.ok;
  },
};
