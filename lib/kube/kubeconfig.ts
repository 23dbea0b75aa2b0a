import { readFileSync } from 'node:fs';
import type { KubeConfig, User } from '@kubernetes/client-node';
import { SluiceError } from '../errors.js';
import type { ClusterCredentials } from '../model/index.js';

/** A kubeconfig file, or its text. */
export type KubeconfigSource = { path: string } | { content: string };

/**
 * The credentials of one kubeconfig context (the current one by default), in the form Sluice stores
 * them. Only static credentials work: exec plugins and auth providers need tools Sluice does not run.
 */
export async function kubeconfigToCredentials(source: KubeconfigSource, context?: string): Promise<ClusterCredentials> {
  const where = 'path' in source ? `kubeconfig ${source.path}` : 'kubeconfig';
  const fail = (problem: string) => new SluiceError(`${where}: ${problem}`);
  const config = await load(source, fail);

  const contextName = context ?? config.getCurrentContext();
  const available = config.getContexts().map((c) => c.name).join(', ') || 'none';
  if (!contextName) throw fail(`no current-context is set; name one of the contexts (${available})`);
  const chosen = config.getContextObject(contextName);
  if (!chosen) throw fail(`has no context "${contextName}" (contexts: ${available})`);
  const cluster = config.getCluster(chosen.cluster);
  if (!cluster) throw fail(`context "${contextName}" names cluster "${chosen.cluster}", which is not in the file`);
  const user = config.getUser(chosen.user);
  if (!user) throw fail(`context "${contextName}" names user "${chosen.user}", which is not in the file`);

  const userFail = (problem: string) => fail(`user "${user.name}" (context "${contextName}") ${problem}`);
  const credentials: ClusterCredentials = {
    server: cluster.server,
    caData: pem(cluster.caFile, cluster.caData, 'certificate-authority', fail),
    ...userCredentials(user, userFail, fail),
    insecureSkipTlsVerify: cluster.skipTLSVerify || undefined,
  };
  // Only the fields that are set, so the stored secret reads cleanly.
  return Object.fromEntries(Object.entries(credentials).filter(([, value]) => value !== undefined)) as unknown as ClusterCredentials;
}

async function load(source: KubeconfigSource, fail: (problem: string) => Error): Promise<KubeConfig> {
  // Imported on demand: the library is large, and only the CLI and tests read kubeconfig files.
  const { KubeConfig } = await import('@kubernetes/client-node');
  const config = new KubeConfig();
  try {
    if ('path' in source) config.loadFromFile(source.path);
    else config.loadFromString(source.content);
  } catch (error) {
    throw fail(describeLoadError(error));
  }
  return config;
}

/** Never repeats the parser's message for YAML errors: it quotes the surrounding text, which may hold a token. */
function describeLoadError(error: unknown): string {
  const { code, name, message, mark } = error as NodeJS.ErrnoException & { mark?: { line?: number } };
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'not readable (permission denied)';
  if (name === 'YAMLException') return `not valid YAML${mark?.line !== undefined ? ` (line ${mark.line + 1})` : ''}`;
  return `not a valid kubeconfig: ${message}`;
}

function userCredentials(user: User, userFail: (problem: string) => Error, fail: (problem: string) => Error): Partial<ClusterCredentials> {
  if (user.exec) {
    const command = typeof user.exec.command === 'string' ? ` (${user.exec.command})` : '';
    throw userFail(`gets its credentials from an exec plugin${command}, which Sluice cannot run; `
      + 'for EKS, register it with `sluice cluster add <name> --eks <cluster-arn>` (IAM, no stored credential); else give Sluice a bearer token (a ServiceAccount token) or a client certificate');
  }
  if (user.authProvider) {
    throw userFail('uses an auth-provider, which Sluice does not support; give Sluice a bearer token (a ServiceAccount token) or a client certificate');
  }
  const clientCertData = pem(user.certFile, user.certData, 'client-certificate', fail);
  const clientKeyData = pem(user.keyFile, user.keyData, 'client-key', fail);
  const token = user.token?.trim() || undefined;
  if (!token && !clientCertData) {
    throw userFail(user.username
      ? 'uses a username and password, which Sluice does not support; give Sluice a bearer token or a client certificate'
      : 'has neither a token nor a client certificate; add one');
  }
  return { token, clientCertData, clientKeyData };
}

/** PEM text from a `<field>` file or a base64 `<field>-data` value. */
function pem(file: string | undefined, data: string | undefined, field: string, fail: (problem: string) => Error): string | undefined {
  if (file) {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw fail(`${field} file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return data ? Buffer.from(data, 'base64').toString('utf8') : undefined;
}
