// What the fake Discord knows: the bot and its application, guilds and channels, messages, registered commands,
// interactions it dispatched (so callbacks and interaction webhooks can be checked) and channel webhooks.
import type { APIApplicationCommand, APIChannel, APIEmbed, APIInteraction, APIMessage, APIUser } from 'discord.js';
import { buildChannel, buildGuild, type FakeGuild, type FakeGuildConfig } from './buildGuild.ts';
import type { SnowflakeFactory } from './createSnowflakes.ts';
import { discordError } from './DiscordApiError.ts';
import type { UploadedFile } from './readDiscordBody.ts';
import type { MessageBody } from './validateMessageBody.ts';

export interface InteractionRecord {
  payload: APIInteraction;
  acknowledged: boolean;
  responseType?: number;
  originalMessageId?: string;
}

export interface InteractionResponseRecord {
  interactionId: string;
  type: number;
  data: unknown;
  at: number;
}

export interface WebhookRecord {
  id: string;
  token: string;
  channelId: string;
  guildId: string | null;
  name: string;
}

export interface NewMessage {
  channelId: string;
  author: APIUser;
  body: MessageBody;
  files?: UploadedFile[];
  type?: number;
  webhookId?: string;
  applicationId?: string;
  interaction?: APIInteraction;
}

export interface DiscordWorld {
  readonly bot: APIUser;
  readonly applicationId: string;
  readonly nextId: SnowflakeFactory;
  readonly guilds: Map<string, FakeGuild>;
  readonly channels: Map<string, APIChannel>;
  readonly messages: APIMessage[];
  readonly commands: Map<string, APIApplicationCommand[]>;
  readonly interactions: Map<string, InteractionRecord>;
  readonly interactionResponses: InteractionResponseRecord[];
  readonly webhooks: Map<string, WebhookRecord>;
  addGuild(config: FakeGuildConfig, defaults?: { id: string; channelId: string }): FakeGuild;
  removeGuild(guildId: string): void;
  /** The direct-message channel with a user (type 1), created on first use. */
  openDirectMessage(userId: string): APIChannel;
  /** The channel, or 10003 Unknown Channel in strict mode; otherwise unknown ids become text channels. */
  channelFor(channelId: string): APIChannel;
  guildIdOf(channelId: string): string | null;
  createMessage(input: NewMessage): APIMessage;
  findMessage(messageId: string): APIMessage | undefined;
  editMessage(messageId: string, body: MessageBody, files?: UploadedFile[]): APIMessage;
  deleteMessage(messageId: string): void;
  /** A message this channel created with the nonce within the window, for enforce_nonce. */
  messageForNonce(channelId: string, nonce: string | number): APIMessage | undefined;
  reset(): void;
}

export interface DiscordWorldOptions {
  bot: APIUser;
  applicationId: string;
  nextId: SnowflakeFactory;
  strictChannels: boolean;
  nonceWindowMs: number;
}

export function createDiscordWorld(options: DiscordWorldOptions): DiscordWorld {
  const { bot, applicationId, nextId } = options;
  const guilds = new Map<string, FakeGuild>();
  const channels = new Map<string, APIChannel>();
  const messages: APIMessage[] = [];
  const messageById = new Map<string, APIMessage>();
  const nonces = new Map<string, { messageId: string; at: number }>();
  const commands = new Map<string, APIApplicationCommand[]>();
  const interactions = new Map<string, InteractionRecord>();
  const interactionResponses: InteractionResponseRecord[] = [];
  const webhooks = new Map<string, WebhookRecord>();

  function channelFor(channelId: string): APIChannel {
    const known = channels.get(channelId);
    if (known) return known;
    if (options.strictChannels || !/^\d{17,20}$/.test(channelId)) throw discordError(10003);
    const firstGuild = guilds.values().next().value;
    const channel = buildChannel(channelId, firstGuild?.id ?? null, { name: `channel-${channelId.slice(-4)}` }, channels.size);
    channels.set(channelId, channel);
    firstGuild?.channelIds.push(channelId);
    return channel;
  }

  const directMessages = new Map<string, APIChannel>();
  function openDirectMessage(userId: string): APIChannel {
    let channel = directMessages.get(userId);
    if (!channel) {
      channel = { id: nextId(), type: 1, name: null, last_message_id: null, flags: 0, recipients: [{ id: userId, username: `user-${userId.slice(-4)}`, discriminator: '0', global_name: null, avatar: null }] } as unknown as APIChannel;
      directMessages.set(userId, channel);
      channels.set(channel.id, channel);
    }
    return channel;
  }

  function attachmentsFor(files: UploadedFile[], channelId: string) {
    return files.map((file) => {
      const id = nextId();
      const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`;
      return { id, filename: file.filename, size: file.size, url, proxy_url: url, content_type: file.contentType };
    });
  }

  return {
    bot,
    applicationId,
    nextId,
    guilds,
    channels,
    messages,
    commands,
    interactions,
    interactionResponses,
    webhooks,

    addGuild(config, defaults) {
      const { guild, channels: guildChannels } = buildGuild(config, nextId, bot, defaults ?? { id: nextId(), channelId: nextId() });
      guilds.set(guild.id, guild);
      for (const channel of guildChannels) channels.set(channel.id, channel);
      return guild;
    },

    removeGuild(guildId) {
      const guild = guilds.get(guildId);
      if (!guild) return;
      for (const channelId of guild.channelIds) channels.delete(channelId);
      guilds.delete(guildId);
    },

    channelFor,
    openDirectMessage,
    guildIdOf: (channelId) => {
      const channel = channels.get(channelId);
      return channel && 'guild_id' in channel && typeof channel.guild_id === 'string' ? channel.guild_id : null;
    },

    createMessage(input) {
      const channel = channelFor(input.channelId);
      const guildId = 'guild_id' in channel && typeof channel.guild_id === 'string' ? channel.guild_id : undefined;
      const { body } = input;
      const interaction = input.interaction;
      const invoker = interaction ? (interaction.member?.user ?? interaction.user) : undefined;
      const message = {
        id: nextId(),
        channel_id: channel.id,
        ...(guildId ? { guild_id: guildId } : {}),
        author: input.author,
        content: body.content ?? '',
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        tts: body.tts ?? false,
        mention_everyone: false,
        mentions: [],
        mention_roles: [],
        attachments: attachmentsFor(input.files ?? [], channel.id),
        embeds: (body.embeds ?? []).map((embed) => ({ type: 'rich', ...embed }) as APIEmbed),
        pinned: false,
        type: input.type ?? (body.message_reference ? 19 : 0),
        flags: body.flags ?? 0,
        components: body.components ?? [],
        ...(body.nonce !== undefined ? { nonce: body.nonce } : {}),
        ...(body.message_reference ? { message_reference: { channel_id: channel.id, ...body.message_reference } } : {}),
        ...(input.webhookId ? { webhook_id: input.webhookId } : {}),
        ...(input.applicationId ? { application_id: input.applicationId } : {}),
        ...(interaction && invoker
          ? {
              interaction_metadata: {
                id: interaction.id,
                type: interaction.type,
                user: invoker,
                authorizing_integration_owners: interaction.authorizing_integration_owners,
              },
            }
          : {}),
      } as APIMessage;
      messages.push(message);
      messageById.set(message.id, message);
      if (body.nonce !== undefined) nonces.set(`${channel.id}:${body.nonce}`, { messageId: message.id, at: Date.now() });
      if ('last_message_id' in channel) (channel as { last_message_id: string | null }).last_message_id = message.id;
      return message;
    },

    findMessage: (messageId) => messageById.get(messageId),

    editMessage(messageId, body, files = []) {
      const message = messageById.get(messageId);
      if (!message) throw discordError(10008);
      if (body.content !== undefined) message.content = body.content ?? '';
      if (body.embeds !== undefined) message.embeds = (body.embeds ?? []).map((embed) => ({ type: 'rich', ...embed }) as APIEmbed);
      if (body.components !== undefined) message.components = (body.components ?? []) as APIMessage['components'];
      if (files.length > 0) message.attachments = [...message.attachments, ...attachmentsFor(files, message.channel_id)];
      // Editing a deferred reply clears the "thinking…" loading flag (128).
      message.flags = ((message.flags ?? 0) & ~128) | (body.flags !== undefined ? body.flags & ~128 : 0);
      message.edited_timestamp = new Date().toISOString();
      return message;
    },

    deleteMessage(messageId) {
      if (!messageById.delete(messageId)) throw discordError(10008);
      const index = messages.findIndex((message) => message.id === messageId);
      if (index !== -1) messages.splice(index, 1);
    },

    messageForNonce(channelId, nonce) {
      const seen = nonces.get(`${channelId}:${nonce}`);
      if (!seen || Date.now() - seen.at > options.nonceWindowMs) return undefined;
      return messageById.get(seen.messageId);
    },

    reset() {
      messages.length = 0;
      messageById.clear();
      nonces.clear();
      commands.clear();
      interactions.clear();
      interactionResponses.length = 0;
    },
  };
}
