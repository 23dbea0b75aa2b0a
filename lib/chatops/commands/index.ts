import { diffCommand } from './diff.js';
import { historyCommand } from './history.js';
import { rollbackCommand } from './rollback.js';
import { statusCommand } from './status.js';
import { syncCommand } from './sync.js';
import type { Command } from './types.js';

/** The verbs after the slash command; `help` (and anything unknown) is answered by the handler. */
export const commands: Readonly<Record<string, Command>> = {
  status: statusCommand,
  diff: diffCommand,
  history: historyCommand,
  sync: syncCommand,
  rollback: rollbackCommand,
};

export type { Command, CommandContext } from './types.js';
