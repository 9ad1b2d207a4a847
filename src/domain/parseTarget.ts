// Where alerts for a subscription go. One string form, used by the CLI, the bots and the database:
// console | telegram:<chat id>[:<thread id>] | discord:<channel id> | discord-webhook:<url>

export type Target =
  | { channel: 'console'; key: string }
  | { channel: 'telegram'; key: string; chatId: string; threadId: number | null }
  | { channel: 'discord'; key: string; channelId: string }
  | { channel: 'discord-webhook'; key: string; url: string; webhookId: string; webhookToken: string };

export class TargetError extends Error {
  constructor(
    readonly target: string,
    readonly problem: string,
  ) {
    super(`invalid target "${target}": ${problem}`);
    this.name = 'TargetError';
  }
}

export const TARGET_FORMS = 'console, telegram:<chat id>[:<thread id>], discord:<channel id> or discord-webhook:<url>';

export function parseTarget(text: string): Target {
  const value = text.trim();
  if (value === 'console') return { channel: 'console', key: 'console' };
  const telegram = /^telegram:(-?\d{1,20})(?::(\d{1,10}))?$/.exec(value);
  if (telegram) {
    const threadId = telegram[2] ? Number(telegram[2]) : null;
    return { channel: 'telegram', key: value, chatId: telegram[1]!, threadId };
  }
  const discord = /^discord:(\d{15,21})$/.exec(value);
  if (discord) return { channel: 'discord', key: value, channelId: discord[1]! };
  if (value.startsWith('discord-webhook:')) {
    const url = value.slice('discord-webhook:'.length);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new TargetError(value, 'the webhook is not a URL');
    }
    const match = /\/webhooks\/(\d{15,21})\/([\w-]+)\/?$/.exec(parsed.pathname);
    if (!/^https?:$/.test(parsed.protocol) || !match) throw new TargetError(value, 'expected a Discord webhook URL such as https://discord.com/api/webhooks/<id>/<token>');
    return { channel: 'discord-webhook', key: value, url, webhookId: match[1]!, webhookToken: match[2]! };
  }
  throw new TargetError(value, `expected ${TARGET_FORMS}`);
}

export function formatTelegramTarget(chatId: number | string, threadId?: number | null): string {
  return threadId ? `telegram:${chatId}:${threadId}` : `telegram:${chatId}`;
}
