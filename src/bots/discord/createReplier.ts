// Answers one slash command within Discord's rules: the first answer within 3 seconds (after deferAfterMs
// without one, the reply is deferred and later edited in), further pages as follow-ups, no mentions ever.
// Reads answer ephemerally; a deferred reply keeps the visibility it was deferred with, which is the
// command's usual one.
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { Logger } from '../../logger.ts';
import type { EmbedPage } from '../../notify/discord/paginateEmbeds.ts';

export interface ReplyContent {
  /** A plain answer; ignored when pages are given (they carry their own content). */
  content?: string;
  pages?: readonly EmbedPage[];
  ephemeral: boolean;
}

export interface Replier {
  send(reply: ReplyContent): Promise<void>;
  /** Whether an answer was started, so a failure is not answered a second time. */
  readonly replied: boolean;
  dispose(): void;
}

export interface ReplierOptions {
  deferAfterMs: number;
  /** Visibility of a deferred reply. */
  deferEphemeral: boolean;
  logger: Logger;
}

const NO_MENTIONS = { parse: [] };

export function createReplier(interaction: ChatInputCommandInteraction, options: ReplierOptions): Replier {
  let deferring: Promise<unknown> | null = null;
  let replied = false;
  const timer = setTimeout(() => {
    if (replied) return;
    deferring = interaction
      .deferReply(options.deferEphemeral ? { flags: MessageFlags.Ephemeral } : {})
      .catch((error: unknown) => options.logger.warn({ err: error, command: interaction.commandName }, 'could not defer a slow reply'));
  }, options.deferAfterMs);

  return {
    get replied() {
      return replied;
    },

    async send(reply) {
      clearTimeout(timer);
      replied = true;
      const pages = reply.pages?.length ? reply.pages : [{ content: reply.content ?? null, embeds: [], notificationIds: [] }];
      const flags = reply.ephemeral ? MessageFlags.Ephemeral : undefined;
      for (const [index, page] of pages.entries()) {
        const body = { ...(page.content ? { content: page.content } : {}), embeds: page.embeds, allowedMentions: NO_MENTIONS };
        if (index > 0) {
          await interaction.followUp({ ...body, flags });
          continue;
        }
        if (deferring) await deferring;
        if (interaction.deferred) await interaction.editReply(body);
        else await interaction.reply({ ...body, flags });
      }
    },

    dispose() {
      clearTimeout(timer);
    },
  };
}
