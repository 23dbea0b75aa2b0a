import { escapeText, message, section, context } from '../../notify/index.js';
import { shortRevision } from '../../format/index.js';
import { problem, usage } from '../refusals.js';
import type { Command, CommandContext } from './types.js';

const searched = 100;

/**
 * `rollback <app> [id]`: queued through POST /apps/{name}/rollback. Without an id, the target is the newest
 * successful operation whose revision differs from the deployed one: the last good state before it.
 */
export const rollbackCommand: Command = {
  access: 'operate',
  async run(context) {
    const { args, api, command, reply } = context;
    const [name, given] = args;
    if (!name) return usage(`Which app? ${command.command} rollback <app> [history id]`);
    const id = given ?? await previousGoodEntry(context, name);
    if (!id) return problem(`No earlier successful revision of ${name} is recorded; \`${command.command} history ${name}\` lists what is.`);
    const { queued } = await api.rollback(name, id, reply);
    return message(`Rolling back ${name} to ${shortRevision(queued.revision, 'none')}…`, [
      section(`:rewind: Rolling back *${escapeText(name)}* to \`${shortRevision(queued.revision, 'none')}\`… (asked by <@${command.userId}>)`),
      contextLine(reply !== undefined, command.command, name),
    ], { response_type: 'in_channel' });
  },
};

async function previousGoodEntry({ api }: CommandContext, name: string): Promise<string | undefined> {
  const [app, { history }] = await Promise.all([api.app(name), api.history(name, searched)]);
  return history.find((entry) => entry.phase === 'Succeeded' && entry.revision !== app.revision)?.id;
}

function contextLine(replying: boolean, slash: string, name: string) {
  return context(replying ? 'The result follows here.' : `The result will be in \`${escapeText(slash)} history ${escapeText(name)}\`.`);
}
