// The short answer to malformed arguments: what was wrong (when known) and how the command is used.
import type { ChatRequest } from './ChatRequest.ts';
import { usageLine, type CommandName } from './texts.ts';

export async function replyUsage(request: ChatRequest, command: CommandName, problem?: string): Promise<void> {
  const usage = usageLine(request.language, command);
  await request.reply(problem ? `${problem}\n${usage}` : usage);
}
