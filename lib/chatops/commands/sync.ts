import { escapeText, message, section, context } from '../../notify/index.js';
import { usage } from '../refusals.js';
import type { Command } from './types.js';

/** `sync <app>`: queued through POST /apps/{name}/sync; acknowledged in the channel, the result follows there. */
export const syncCommand: Command = {
  access: 'operate',
  async run({ args, api, command, reply }) {
    const [name] = args;
    if (!name) return usage(`Which app? ${command.command} sync <app>`);
    const { queued } = await api.sync(name, reply);
    const app = queued.app ?? name;
    return message(`Syncing ${app}…`, [
      section(`:arrows_counterclockwise: Syncing *${escapeText(app)}*… (asked by <@${command.userId}>)`),
      ...(reply ? [] : [context(`The result will be in \`${escapeText(command.command)} history ${escapeText(name)}\`.`)]),
    ], { response_type: 'in_channel' });
  },
};
