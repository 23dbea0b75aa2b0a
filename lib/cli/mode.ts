import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { UsageError } from './errors.js';
import { stringFlag, type Flags } from './options.js';

export interface RemoteMode {
  kind: 'remote';
  /** Base URL of the status API, without a trailing slash. */
  server: string;
  token: string;
}

export interface LocalMode {
  kind: 'local';
  kubeconfig: string;
  context?: string;
  appsDir: string;
  clusterName?: string;
}

export type Mode = RemoteMode | LocalMode;

/**
 * Remote when a server is given (--server or SLUICE_SERVER) and --local-mode is not; otherwise local, which
 * needs the Application YAML (--apps) and a kubeconfig. `why` names the flag that forces local mode.
 */
export function resolveMode(flags: Flags, env: NodeJS.ProcessEnv, cwd: string, helpCommand: string, forceLocal?: string): Mode {
  const server = stringFlag(flags, 'server') ?? env.SLUICE_SERVER;
  const local = flags['local-mode'] === true || forceLocal !== undefined || !server;
  if (!local) return remoteMode(server!, stringFlag(flags, 'token') ?? env.SLUICE_TOKEN, helpCommand);

  const why = forceLocal ?? (flags['local-mode'] ? '--local-mode' : 'no --server or SLUICE_SERVER is set, so the engine runs here');
  const appsDir = stringFlag(flags, 'apps') ?? env.SLUICE_APPS;
  if (!appsDir) throw new UsageError(`--apps: local mode (${why}) needs the directory holding your Application and AppProject YAML; or give --server to use the status API`, helpCommand);
  const kubeconfig = stringFlag(flags, 'kubeconfig') ?? env.KUBECONFIG?.split(delimiter).find(Boolean) ?? join(homedir(), '.kube', 'config');
  return {
    kind: 'local', kubeconfig: resolve(cwd, kubeconfig), appsDir: resolve(cwd, appsDir),
    context: stringFlag(flags, 'context'), clusterName: stringFlag(flags, 'cluster-name'),
  };
}

function remoteMode(server: string, token: string | undefined, helpCommand: string): RemoteMode {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new UsageError(`--server ${JSON.stringify(server)}: not a URL; give the status API's base URL, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com`, helpCommand);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--server ${url.origin}: use an http or https URL`, helpCommand);
  if (url.username || url.password) throw new UsageError('--server: do not put credentials in the URL; give the token with --token or SLUICE_TOKEN', helpCommand);
  if (!token) throw new UsageError(`--token: the status API at ${url.origin} needs a token; set SLUICE_TOKEN (or pass --token)`, helpCommand);
  return { kind: 'remote', server: url.href.replace(/\/+$/, ''), token };
}
