// A bot command: its name (also its entry in setMyCommands and /help), who may use it, and what it does.
import type { ChatRequest } from './ChatRequest.ts';
import type { CommandName } from './texts.ts';

export type CommandAccess = 'everyone' | 'manager' | 'editor';

export interface TelegramCommand {
  name: CommandName;
  /**
   * manager: changes the chat's subscription (group admins only); editor: records statuses. A function of
   * the arguments when they decide it (/digest preview only reads, /digest on changes the subscription).
   */
  access: CommandAccess | ((args: string) => CommandAccess);
  run(request: ChatRequest): Promise<void>;
}
