/** A command-line flag: how node:util parseArgs reads it, plus what `--help` says. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder shown in help, e.g. `url` for `--server <url>`. */
  value?: string;
  description: string;
  /** A string flag that may be given more than once (`--label a=1 --label b=2`): its value is a list. */
  multiple?: boolean;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** Parsed flags by long name. */
export type Flags = Readonly<Record<string, string | boolean | string[] | undefined>>;

/** Every command has these. */
export const commonOptions: OptionSpecs = {
  output: { type: 'string', short: 'o', value: 'json|yaml', description: 'print the API or engine shape as JSON or YAML instead of a table' },
  help: { type: 'boolean', short: 'h', description: 'show help for the command' },
};

/** Where app commands get their answers: the status API (remote mode) or the engine on this machine (local mode). */
export const connectionOptions: OptionSpecs = {
  server: { type: 'string', value: 'url', description: 'status API base URL (default $SLUICE_SERVER); remote mode' },
  token: { type: 'string', value: 'token', description: 'status API token (default $SLUICE_TOKEN; prefer the variable, flags show in `ps`)' },
  'local-mode': { type: 'boolean', description: 'run the engine here against a kubeconfig, even when a server is configured' },
  kubeconfig: { type: 'string', value: 'file', description: 'local mode: kubeconfig file (default $KUBECONFIG, then ~/.kube/config)' },
  context: { type: 'string', value: 'name', description: 'local mode: kubeconfig context (default its current-context)' },
  apps: { type: 'string', value: 'dir', description: 'local mode: directory of Application and AppProject YAML (default $SLUICE_APPS)' },
  'cluster-name': { type: 'string', value: 'name', description: "local mode: the kubeconfig cluster's name in destination.name (default the context's name)" },
};

export function stringFlag(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a `multiple` flag, in order; none: []. */
export function stringListFlag(flags: Flags, name: string): string[] {
  const value = flags[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}
