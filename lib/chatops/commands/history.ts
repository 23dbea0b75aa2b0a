import { historyReply } from '../history-reply.js';
import { usage } from '../refusals.js';
import type { Command } from './types.js';

const limit = 10;

/** `history <app>`: the last ten operations, as GET /apps/{name}/history lists them. */
export const historyCommand: Command = {
  access: 'read',
  async run({ args, api, command }) {
    const [name] = args;
    if (!name) return usage(`Which app? ${command.command} history <app>`);
    const { history } = await api.history(name, limit);
    return historyReply(name, history, command.command);
  },
};
