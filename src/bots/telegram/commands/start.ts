// /start (welcome and how to use) and /help (every command with its arguments).
import { escapeHtml } from '../../../notify/telegram/escapeHtml.ts';
import { isEditor } from '../ChatRequest.ts';
import type { TelegramCommand } from '../TelegramCommand.ts';
import { COMMAND_NAMES, EDITOR_COMMANDS, type BotTexts, type CommandName } from '../texts.ts';

export const startCommand: TelegramCommand = {
  name: 'start',
  access: 'everyone',
  async run(request) {
    await request.reply(request.texts.welcome);
  },
};

function commandLine(texts: BotTexts, name: CommandName): string {
  const entry = texts.commands[name];
  return `/${name}${entry.args ? ` ${escapeHtml(entry.args)}` : ''} — ${escapeHtml(entry.description)}`;
}

export const helpCommand: TelegramCommand = {
  name: 'help',
  access: 'everyone',
  async run(request) {
    const { texts } = request;
    const everyone = COMMAND_NAMES.filter((name) => !EDITOR_COMMANDS.includes(name));
    const blocks = [[texts.helpHeading, ...everyone.map((name) => commandLine(texts, name))].join('\n')];
    if (isEditor(request)) blocks.push([texts.editorHeading, ...EDITOR_COMMANDS.map((name) => commandLine(texts, name))].join('\n'));
    blocks.push(escapeHtml(texts.helpFooter));
    await request.reply(blocks);
  },
};
