import type { Command } from './command.js';
import { commandName, commandUsage, optionsOf } from './command-options.js';
import { commonOptions, connectionOptions, type OptionSpec, type OptionSpecs } from './options.js';

const groups: Record<string, string> = {
  app: 'inspect, diff, sync, roll back and wait for applications',
  cluster: 'register clusters and list them',
  repo: 'store private Git repositories\' credentials, list and remove them',
  repocreds: 'store credential templates for every repository under a URL prefix',
  token: 'create status API tokens',
};

export function groupNames(): string[] {
  return Object.keys(groups);
}

export function formatTopHelp(commands: readonly Command[]): string {
  return [
    'sluice: GitOps continuous delivery for Kubernetes, the verbs of `argocd app`.',
    '',
    'Usage: sluice <command> [arguments] [flags]',
    '',
    'Commands:',
    ...commandLines(commands),
    '',
    'Remote mode talks to the status API (--server/$SLUICE_SERVER, --token/$SLUICE_TOKEN); without a server,',
    'or with --local-mode, the engine runs here (--kubeconfig, --apps). See docs/cli.md.',
    'Exit codes: 0 ok, 1 a diff found or an operation failed, 2 an error, 3 a wait timed out.',
    '',
    "Run 'sluice <command> --help' for a command's flags.",
    '',
  ].join('\n');
}

export function formatGroupHelp(group: string, commands: readonly Command[]): string {
  const members = commands.filter((c) => c.path[0] === group);
  return [`sluice ${group}: ${groups[group] ?? ''}`, '', 'Commands:', ...commandLines(members), '', `Run 'sluice ${group} <command> --help' for a command's flags.`, ''].join('\n');
}

export function formatCommandHelp(command: Command): string {
  const own = optionsOf(command);
  const global: OptionSpecs = { ...(command.connection ? connectionOptions : {}), ...commonOptions };
  const local = Object.fromEntries(Object.entries(own).filter(([name]) => !(name in global)));
  return [
    `${command.summary}`,
    '',
    `Usage: ${commandUsage(command)}`,
    ...(command.description ? ['', command.description] : []),
    ...(Object.keys(local).length ? ['', 'Flags:', ...optionLines(local)] : []),
    '',
    command.connection ? 'Connection and output flags:' : 'Output flags:',
    ...optionLines(global),
    ...(command.examples?.length ? ['', 'Examples:', ...command.examples.map((e) => `  ${e}`)] : []),
    '',
  ].join('\n');
}

function commandLines(commands: readonly Command[]): string[] {
  const width = Math.max(...commands.map((c) => commandName(c).length - 'sluice '.length)) + 2;
  return commands.map((c) => `  ${c.path.join(' ').padEnd(width)}${c.summary}`);
}

function optionLines(options: OptionSpecs): string[] {
  const label = ([name, spec]: [string, OptionSpec]) => `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` <${spec.value}>` : ''}`;
  const entries = Object.entries(options);
  const width = Math.max(...entries.map((e) => label(e).length)) + 2;
  return entries.map((e) => `  ${label(e).padEnd(width)}${e[1].description}`);
}
