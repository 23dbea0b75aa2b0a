import { escapeText, message, section } from '../../notify/index.js';
import { problem, usage } from '../refusals.js';
import type { Command } from './types.js';

/**
 * `diff <app>`: a live diff renders the app and asks the cluster (seconds, more on a cold start), longer than
 * Slack's 3 s. So a refresh job carrying the response_url is queued, and the worker posts what it found.
 */
export const diffCommand: Command = {
  access: 'read',
  async run({ args, api, command, caller, deps, reply }) {
    const [name] = args;
    if (!name) return usage(`Which app? ${command.command} diff <app>`);
    const app = await api.app(name);
    if (!reply) return problem(`I cannot post a diff back to this conversation (no usable response_url); the status page or \`sluice\` CLI shows it.`);
    await deps.queue.enqueueJobs([{ kind: 'refresh', app: app.name, trigger: { kind: 'manual', by: caller.name }, requestedAt: deps.now().toISOString(), reply }]);
    return message(`Comparing ${app.name} with Git…`, [
      section(`:mag: Comparing *${escapeText(app.name)}* with \`${escapeText(app.targetRevision)}\`… the diff follows here in a moment.`),
    ], { response_type: 'ephemeral' });
  },
};
