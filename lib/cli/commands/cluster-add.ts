import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { stringFlag, stringListFlag } from '../options.js';

export const clusterAdd: Command = {
  path: ['cluster', 'add'],
  summary: "Register a cluster: its kubeconfig credentials, or how to reach it through IAM (EKS), go to Secrets Manager",
  description: [
    "With --kubeconfig, reads one context of the kubeconfig (its current-context by default), stores the server,",
    'CA and token or client certificate in Secrets Manager as sluice/<STAGE>/clusters/<name>, and adds the name and',
    'server to the registry, so Applications can name the cluster in destination.name or destination.server. Only',
    'static credentials work there: exec plugins and auth-providers are refused.',
    'With --eks <cluster-arn>, no credential is stored: the worker and status function sign EKS tokens with their',
    'IAM role, or with --role-arn assumed (--external-id if its trust policy asks for one); the endpoint and CA are',
    "looked up now with eks:DescribeCluster. Give the role an EKS access entry (docs/deploying-to-aws.md).",
    "With --in-cluster, Argo CD's in-cluster destination (server https://kubernetes.default.svc or name in-cluster)",
    'means this cluster: Sluice runs in none, so Argo CD apps that deploy "to where Argo CD runs" go here unchanged.',
    'At most one cluster is marked; registering a marked cluster again keeps its mark.',
    'With --label key=value (repeatable), the cluster carries labels that ApplicationSet clusters generators select',
    'on and template as metadata.labels.<key>; labels given replace its labels, none given keeps them.',
    'Uses TABLE_NAME, STAGE and the AWS SDK environment (AWS_REGION, credentials, AWS_ENDPOINT_URL).',
  ].join('\n'),
  args: [{ name: 'name' }],
  options: {
    kubeconfig: { type: 'string', value: 'file', description: 'the kubeconfig to read' },
    context: { type: 'string', value: 'name', description: "the context to register (default the kubeconfig's current-context)" },
    eks: { type: 'string', value: 'cluster-arn', description: 'an EKS cluster reached through IAM, arn:aws:eks:<region>:<account>:cluster/<name>' },
    'role-arn': { type: 'string', value: 'arn', description: 'with --eks: the IAM role to assume for this cluster' },
    'external-id': { type: 'string', value: 'id', description: "with --role-arn: the external id the role's trust policy asks for" },
    label: { type: 'string', value: 'key=value', multiple: true, description: 'a label for ApplicationSet clusters generators (repeatable)' },
    'in-cluster': { type: 'boolean', description: "the cluster Argo CD's in-cluster destination means (server https://kubernetes.default.svc, name in-cluster); moves the mark from any other cluster" },
  },
  connection: false,
  examples: [
    'sluice cluster add production --kubeconfig ./prod.kubeconfig',
    'sluice cluster add staging --kubeconfig ~/.kube/config --context staging-admin',
    'sluice cluster add prod-us --kubeconfig ./prod-us.kubeconfig --label env=prod --label region=us',
    'sluice cluster add management --kubeconfig ./mgmt.kubeconfig --in-cluster',
    'sluice cluster add prod-eu --eks arn:aws:eks:eu-west-1:123456789012:cluster/prod --role-arn arn:aws:iam::210987654321:role/sluice-deployer',
  ],
  async run({ args, flags, io, out, name: command }) {
    const name = args[0]!;
    const file = stringFlag(flags, 'kubeconfig');
    const eks = stringFlag(flags, 'eks');
    if (Boolean(file) === Boolean(eks)) throw new UsageError('give --kubeconfig <file> (static credentials) or --eks <cluster-arn> (IAM), one of them', command);
    if (!eks && (flags['role-arn'] !== undefined || flags['external-id'] !== undefined)) throw new UsageError('--role-arn and --external-id go with --eks', command);
    // Loaded on demand, as the AWS SDK and the Kubernetes client take a second to load.
    const [{ clusterDeps }, { kubeconfigToCredentials }, { eksAuthFromEnv, registerCluster }, { clusterSecretName }, { parseClusterCredentials, parseClusterLabels, inClusterServer }] = await Promise.all([
      import('../cluster/cluster-deps.js'), import('../../kube/index.js'), import('../../runtime/index.js'), import('../../secrets/index.js'), import('../../model/index.js'),
    ]);
    const { labels, errors: labelErrors } = parseClusterLabels(stringListFlag(flags, 'label'));
    if (labelErrors.length) throw new UsageError(labelErrors.join('; '), command);
    const deps = clusterDeps(io.env);
    const secretRef = clusterSecretName(deps.stage, name); // checks the name before anything is read or written
    let access, server: string;
    if (eks) {
      const arn = parseEksClusterArn(eks, command);
      const roleArn = stringFlag(flags, 'role-arn');
      const externalId = stringFlag(flags, 'external-id');
      // Validated as the worker will read it: the same errors, before anything is stored.
      access = parseClusterCredentials(JSON.stringify({ type: 'eks', ...arn, ...(roleArn ? { roleArn } : {}), ...(externalId ? { externalId } : {}) }), `--eks ${eks}`);
      server = (await eksAuthFromEnv(deps.stage, io.env).endpoint({ type: 'eks', ...arn })).server;
    } else {
      access = await kubeconfigToCredentials({ path: resolve(io.cwd, file!) }, stringFlag(flags, 'context'));
      server = access.server;
    }
    const inCluster = flags['in-cluster'] === true;
    const { inClusterBefore } = await registerCluster(deps, name, access, server, { inCluster, labels });
    const record = { name, server, secretRef, ...(inCluster ? { inCluster } : {}), ...(Object.keys(labels).length ? { labels } : {}) };
    const marked = !inCluster ? '' : `; apps whose destination is Argo CD's in-cluster one (${inClusterServer}, name in-cluster) now sync to it` +
      (inClusterBefore && inClusterBefore !== name ? ` instead of ${inClusterBefore}` : '');
    out.result(record, () => `cluster ${name} added: ${server} (${eks ? 'reached through IAM; ' : ''}${eks ? 'settings' : 'credentials'} in Secrets Manager secret ${secretRef})${marked}`);
    return ExitCode.ok;
  },
};

/** `arn:aws:eks:<region>:<account>:cluster/<name>` (any partition). */
function parseEksClusterArn(arn: string, command: string): { clusterName: string; region: string } {
  const match = /^arn:aws[a-z-]*:eks:([a-z0-9-]+):\d{12}:cluster\/([0-9A-Za-z][A-Za-z0-9_-]{0,99})$/.exec(arn);
  if (!match) throw new UsageError(`--eks ${arn}: expected an EKS cluster ARN, arn:aws:eks:<region>:<account>:cluster/<name> (aws eks describe-cluster --name <name> --query cluster.arn)`, command);
  return { region: match[1]!, clusterName: match[2]! };
}
