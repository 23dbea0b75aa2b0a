import type { ApiDeps, Caller, StatusService } from '../../api/index.js';
import type { SlackMessage } from '../../notify/index.js';
import type { Job } from '../../queue/index.js';
import type { ChatopsDeps, SlackRole, SlashCommand } from '../types.js';

/** Everything a command needs: the request, the status API as the caller, and where the worker may reply. */
export interface CommandContext {
  command: SlashCommand;
  /** The words after the verb. */
  args: string[];
  caller: Caller;
  api: StatusService;
  deps: ApiDeps;
  chatops: ChatopsDeps;
  /** Present when the response_url is one the worker may post to. */
  reply?: Job['reply'];
}

export interface Command {
  /** `read` commands answer from the store; `operate` ones change the cluster. */
  access: SlackRole;
  run: (context: CommandContext) => Promise<SlackMessage>;
}
