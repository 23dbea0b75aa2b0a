import type { Command } from './command.js';
import { commonOptions, connectionOptions, type OptionSpecs } from './options.js';

/** Every flag a command accepts: its own, then the connection flags if it talks to Sluice, then -o and -h. */
export function optionsOf(command: Command): OptionSpecs {
  return { ...command.options, ...(command.connection ? connectionOptions : {}), ...commonOptions };
}

/** `sluice app get` */
export function commandName(command: Command): string {
  return `sluice ${command.path.join(' ')}`;
}

/** `sluice app get <app> [flags]` */
export function commandUsage(command: Command): string {
  const args = command.args.map((a) => (a.optional ? `[${a.name}]` : `<${a.name}>`));
  return [commandName(command), ...args, '[flags]'].join(' ');
}
