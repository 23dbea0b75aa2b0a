import { appListReply, appReply } from '../status-reply.js';
import type { Command } from './types.js';

/** `status [app]`: straight from the store, as GET /apps and GET /apps/{name} answer. */
export const statusCommand: Command = {
  access: 'read',
  async run({ args, api, chatops }) {
    const [name] = args;
    if (!name) {
      const { apps, registry } = await api.listApps();
      return appListReply(apps, registry, chatops.statusPageUrl);
    }
    return appReply(await api.app(name), chatops.statusPageUrl);
  },
};
