import { parseArgs } from 'node:util';
import type { Command } from './command.js';
import { commandName, optionsOf } from './command-options.js';
import { UsageError } from './errors.js';
import { formatCommandHelp, formatGroupHelp, formatTopHelp, groupNames } from './help.js';
import type { Flags, OptionSpecs } from './options.js';

export type CommandLine =
  | { kind: 'help'; text: string }
  | { kind: 'run'; command: Command; args: string[]; flags: Flags };

type ParseOptions = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

const toParseArgs = (specs: OptionSpecs): ParseOptions =>
  Object.fromEntries(Object.entries(specs).map(([name, { type, short, multiple }]) => [name, { type, ...(short ? { short } : {}), ...(multiple ? { multiple } : {}) }]));

/**
 * Finds the command in `argv` (flags may come before or after its words), then reads its flags strictly:
 * an unknown flag, a flag without its value, or a missing or extra argument is a UsageError.
 */
export function parseCommandLine(argv: readonly string[], commands: readonly Command[]): CommandLine {
  // First pass, knowing every flag of every command, only to tell flag values from command words.
  const every = Object.assign({}, ...commands.map(optionsOf)) as OptionSpecs;
  const first = parseArgs({ args: [...argv], options: toParseArgs(every), strict: false, allowPositionals: true });
  const words = first.positionals;
  const help = first.values.help === true;

  const [group, verb] = words;
  if (group === undefined) {
    if (help) return { kind: 'help', text: formatTopHelp(commands) };
    throw new UsageError('a command is needed, e.g. `sluice app list`');
  }
  if (!groupNames().includes(group)) throw new UsageError(`unknown command "${group}"; the commands are ${groupNames().join(', ')}`);
  const members = commands.filter((c) => c.path[0] === group);
  const list = members.map((c) => c.path[1]).join(', ');
  if (verb === undefined) {
    if (help) return { kind: 'help', text: formatGroupHelp(group, commands) };
    throw new UsageError(`sluice ${group}: a subcommand is needed (${list})`, `sluice ${group}`);
  }
  const command = members.find((c) => c.path[1] === verb);
  if (!command) throw new UsageError(`unknown command "sluice ${group} ${verb}"; the commands of sluice ${group} are ${list}`, `sluice ${group}`);

  const name = commandName(command);
  const specs = optionsOf(command);
  const second = parseArgs({ args: [...argv], options: toParseArgs(specs), strict: false, allowPositionals: true, tokens: true });
  for (const token of second.tokens) {
    if (token.kind !== 'option') continue;
    const spec = specs[token.name];
    if (!spec) throw new UsageError(`unknown flag ${token.rawName} for ${name}`, name);
    if (spec.type === 'string' && token.value === undefined) throw new UsageError(`${token.rawName} needs a value: ${token.rawName} <${spec.value ?? 'value'}>`, name);
    if (spec.type === 'boolean' && token.inlineValue) throw new UsageError(`${token.rawName} is a switch and takes no value`, name);
  }
  const flags = second.values as Flags;
  if (flags.help === true) return { kind: 'help', text: formatCommandHelp(command) };

  const args = second.positionals.slice(2);
  const required = command.args.filter((a) => !a.optional);
  if (args.length < required.length) throw new UsageError(`${name}: missing <${required[args.length]!.name}>`, name);
  if (args.length > command.args.length) throw new UsageError(`${name}: unexpected argument ${JSON.stringify(args[command.args.length])}`, name);
  return { kind: 'run', command, args, flags };
}
