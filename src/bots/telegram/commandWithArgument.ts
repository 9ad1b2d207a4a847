// A command that first reads its argument: without a valid one the answer is the command's usage line.
import type { ChatRequest } from './ChatRequest.ts';
import { replyUsage } from './replyUsage.ts';
import type { CommandAccess, TelegramCommand } from './TelegramCommand.ts';
import type { CommandName } from './texts.ts';

export function commandWithArgument<A>(
  name: CommandName,
  access: CommandAccess,
  parse: (args: string) => A | null,
  run: (request: ChatRequest, argument: A) => Promise<void>,
): TelegramCommand {
  return {
    name,
    access,
    async run(request) {
      const argument = parse(request.args);
      if (argument === null) return replyUsage(request, name);
      await run(request, argument);
    },
  };
}
