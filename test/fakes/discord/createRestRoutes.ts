// The REST v10 routes the fake serves. Paths are relative to /api/v10. Routes marked auth need
// "Authorization: Bot <token>"; interaction callbacks and token webhooks do not, as on Discord.
import type { APIInteraction, APIMessage, APIUser } from 'discord.js';
import { buildCommandList, buildApplicationCommand } from './buildApplicationCommand.ts';
import type { DiscordWorld, InteractionRecord, WebhookRecord } from './createDiscordWorld.ts';
import { discordError, invalidFormBody } from './DiscordApiError.ts';
import type { UploadedFile } from './readDiscordBody.ts';
import { toPathPattern } from './toPathPattern.ts';
import { validateMessageBody, type MessageBody } from './validateMessageBody.ts';

export interface RestRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
}

export interface RestAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestRoute {
  method: string;
  pattern: RegExp;
  auth: boolean;
  handle(request: RestRequest): RestAnswer;
}

export interface RestHooks {
  gatewayUrl(): string;
  /** GET /gateway/bot's recommended shard count. */
  recommendedShards(): number;
  /** Identifies allowed per 5 seconds (session_start_limit.max_concurrency). */
  maxConcurrency: number;
  /** A message appeared or changed, for MESSAGE_CREATE / MESSAGE_UPDATE dispatches. */
  onMessage(event: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: APIMessage): void;
}

const EPHEMERAL = 64;
const LOADING = 128;

// Response types each interaction type accepts (PONG only exists for HTTP interactions).
const ALLOWED_RESPONSES: Record<number, number[]> = {
  2: [4, 5, 9, 12],
  3: [4, 5, 6, 7, 9, 12],
  4: [8],
  5: [4, 5, 6, 7],
};

function stripLocalizations<T>(entry: T): T {
  if (Array.isArray(entry)) return entry.map(stripLocalizations) as T;
  if (typeof entry !== 'object' || entry === null) return entry;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key !== 'name_localizations' && key !== 'description_localizations') out[key] = key === 'options' || key === 'choices' ? stripLocalizations(value) : value;
  }
  return out as T;
}

const ok = (body: unknown): RestAnswer => ({ status: 200, body });
const noContent = (): RestAnswer => ({ status: 204 });

export function createRestRoutes(world: DiscordWorld, hooks: RestHooks): RestRoute[] {
  const routes: RestRoute[] = [];
  const add = (method: string, template: string, auth: boolean, handle: RestRoute['handle']): void => {
    routes.push({ method, pattern: toPathPattern(template, { named: true }), auth, handle });
  };
  const param = (request: RestRequest, name: string): string => request.params[name] ?? '';
  const wantsWait = (request: RestRequest): boolean => request.query.get('wait') === 'true';

  function requireApplication(request: RestRequest): void {
    if (param(request, 'applicationId') !== world.applicationId) throw discordError(50001);
  }

  function commandScope(request: RestRequest): { key: string; guildId: string | null } {
    requireApplication(request);
    const guildId = request.params.guildId ?? null;
    if (guildId !== null && !world.guilds.has(guildId)) throw discordError(50001);
    return { key: guildId ?? 'global', guildId };
  }

  function webhookAuthor(webhook: WebhookRecord, body: MessageBody): APIUser {
    return { id: webhook.id, username: body.username ?? webhook.name, discriminator: '0000', global_name: null, avatar: null, bot: true };
  }

  /** The interaction behind /webhooks/<application id>/<interaction token>, if that is what the path names. */
  function interactionFor(request: RestRequest): InteractionRecord | undefined {
    if (param(request, 'webhookId') !== world.applicationId) return undefined;
    const token = param(request, 'token');
    for (const record of world.interactions.values()) if (record.payload.token === token) return record;
    return undefined;
  }

  function webhookFor(request: RestRequest): WebhookRecord {
    const webhook = world.webhooks.get(param(request, 'webhookId'));
    if (!webhook || webhook.token !== param(request, 'token')) throw discordError(10015);
    return webhook;
  }

  function interactionChannelId(payload: APIInteraction): string {
    return payload.channel?.id ?? payload.channel_id ?? '';
  }

  function createInteractionMessage(record: InteractionRecord, body: MessageBody, files: UploadedFile[], type: number): APIMessage {
    const message = world.createMessage({
      channelId: interactionChannelId(record.payload),
      author: world.bot,
      body,
      files,
      type,
      webhookId: world.applicationId,
      applicationId: world.applicationId,
      interaction: record.payload,
    });
    if (((message.flags ?? 0) & EPHEMERAL) === 0) hooks.onMessage('MESSAGE_CREATE', message);
    return message;
  }

  /** The message a webhook route names: "@original" for interactions, otherwise an id the webhook created. */
  function webhookMessage(request: RestRequest): APIMessage {
    const messageId = param(request, 'messageId');
    const record = interactionFor(request);
    if (record) {
      const id = messageId === '@original' ? record.originalMessageId : messageId;
      const message = id === undefined ? undefined : world.findMessage(id);
      if (!message || message.webhook_id !== world.applicationId) throw discordError(10008);
      return message;
    }
    const webhook = webhookFor(request);
    const message = world.findMessage(messageId);
    if (!message || message.webhook_id !== webhook.id) throw discordError(10008);
    return message;
  }

  // Gateway discovery
  add('GET', '/gateway', false, () => ok({ url: hooks.gatewayUrl() }));
  add('GET', '/gateway/bot', true, () =>
    ok({
      url: hooks.gatewayUrl(),
      shards: hooks.recommendedShards(),
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: hooks.maxConcurrency },
    }),
  );

  // The bot itself
  add('GET', '/users/@me', true, () =>
    ok({ ...world.bot, bot: true, verified: true, mfa_enabled: false, flags: 0, email: null, locale: 'en-US', premium_type: 0 }),
  );
  add('GET', '/applications/@me', true, () =>
    ok({
      id: world.applicationId,
      name: world.bot.username,
      icon: null,
      description: '',
      summary: '',
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: 'f'.repeat(64),
      flags: 0,
      team: null,
      bot: world.bot,
      owner: { id: '1', username: 'owner', discriminator: '0', global_name: 'owner', avatar: null },
      approximate_guild_count: world.guilds.size,
      integration_types_config: { '0': {} },
    }),
  );

  // Application commands, global and per guild
  for (const prefix of ['/applications/:applicationId/commands', '/applications/:applicationId/guilds/:guildId/commands']) {
    // Without with_localizations=true Discord leaves out the localization maps (it sends the caller's locale only).
    add('GET', prefix, true, (request) => {
      const commands = world.commands.get(commandScope(request).key) ?? [];
      return ok(request.query.get('with_localizations') === 'true' ? commands : commands.map(stripLocalizations));
    });
    add('PUT', prefix, true, (request) => {
      const { key, guildId } = commandScope(request);
      const existing = world.commands.get(key) ?? [];
      const commands = buildCommandList(request.body, { applicationId: world.applicationId, guildId, existing, nextId: world.nextId });
      world.commands.set(key, commands);
      return ok(commands);
    });
    add('POST', prefix, true, (request) => {
      const { key, guildId } = commandScope(request);
      const existing = world.commands.get(key) ?? [];
      const command = buildApplicationCommand(request.body, 0, { applicationId: world.applicationId, guildId, existing, nextId: world.nextId });
      const replaced = existing.some((other) => other.id === command.id);
      world.commands.set(key, [...existing.filter((other) => other.id !== command.id), command]);
      return { status: replaced ? 200 : 201, body: command };
    });
    add('GET', `${prefix}/:commandId`, true, (request) => {
      const command = (world.commands.get(commandScope(request).key) ?? []).find((other) => other.id === param(request, 'commandId'));
      if (!command) throw discordError(10063);
      return ok(command);
    });
    add('DELETE', `${prefix}/:commandId`, true, (request) => {
      const { key } = commandScope(request);
      const existing = world.commands.get(key) ?? [];
      if (!existing.some((other) => other.id === param(request, 'commandId'))) throw discordError(10063);
      world.commands.set(key, existing.filter((other) => other.id !== param(request, 'commandId')));
      return noContent();
    });
  }

  // Interaction responses
  add('POST', '/interactions/:interactionId/:token/callback', false, (request) => {
    const record = world.interactions.get(param(request, 'interactionId'));
    if (!record || record.payload.token !== param(request, 'token')) throw discordError(10062);
    if (record.acknowledged) throw discordError(40060);
    const body = (request.body ?? {}) as { type?: number; data?: Record<string, unknown> };
    const allowed = ALLOWED_RESPONSES[record.payload.type] ?? [];
    if (typeof body.type !== 'number' || !allowed.includes(body.type)) {
      throw invalidFormBody('type', 'BASE_TYPE_CHOICES', `Value must be one of {${allowed.join(', ')}}.`);
    }
    let message: APIMessage | undefined;
    if (body.type === 4) {
      const data = validateMessageBody(body.data, { isEdit: false, fileCount: request.files.length });
      message = createInteractionMessage(record, data, request.files, record.payload.type === 2 ? 20 : 0);
    } else if (body.type === 5) {
      const flags = LOADING | (Number(body.data?.flags ?? 0) & EPHEMERAL);
      message = createInteractionMessage(record, { content: '', flags }, [], record.payload.type === 2 ? 20 : 0);
    } else if (body.type === 7 && record.payload.message) {
      const data = validateMessageBody(body.data, { isEdit: true, fileCount: request.files.length });
      message = world.editMessage(record.payload.message.id, data, request.files);
      hooks.onMessage('MESSAGE_UPDATE', message);
    } else if (body.type === 8) {
      const choices = (body.data?.choices ?? []) as unknown[];
      if (!Array.isArray(choices) || choices.length > 25) {
        throw invalidFormBody('data.choices', 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      }
    }
    record.acknowledged = true;
    record.responseType = body.type;
    if (message && (body.type === 4 || body.type === 5)) record.originalMessageId = message.id;
    world.interactionResponses.push({ interactionId: record.payload.id, type: body.type, data: body.data, at: Date.now() });
    if (request.query.get('with_response') !== 'true') return noContent();
    return ok({
      interaction: {
        id: record.payload.id,
        type: record.payload.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: ((message.flags ?? 0) & LOADING) !== 0,
              response_message_ephemeral: ((message.flags ?? 0) & EPHEMERAL) !== 0,
            }
          : {}),
      },
      resource: { type: body.type, ...(message ? { message } : {}) },
    });
  });

  // Webhooks: channel webhooks by id and token, and interaction webhooks by application id and interaction token
  add('GET', '/webhooks/:webhookId/:token', false, (request) => {
    const webhook = webhookFor(request);
    return ok({
      id: webhook.id,
      type: 1,
      guild_id: webhook.guildId,
      channel_id: webhook.channelId,
      name: webhook.name,
      avatar: null,
      application_id: null,
      token: webhook.token,
    });
  });
  add('POST', '/webhooks/:webhookId/:token', false, (request) => {
    const record = interactionFor(request);
    if (record) {
      if (!record.acknowledged) throw discordError(10015);
      const data = validateMessageBody(request.body, { isEdit: false, fileCount: request.files.length });
      const message = createInteractionMessage(record, data, request.files, 0);
      return wantsWait(request) ? ok(message) : noContent();
    }
    const webhook = webhookFor(request);
    const data = validateMessageBody(request.body, { isEdit: false, fileCount: request.files.length });
    const message = world.createMessage({
      channelId: request.query.get('thread_id') ?? webhook.channelId,
      author: webhookAuthor(webhook, data),
      body: data,
      files: request.files,
      webhookId: webhook.id,
    });
    hooks.onMessage('MESSAGE_CREATE', message);
    return wantsWait(request) ? ok(message) : noContent();
  });
  add('GET', '/webhooks/:webhookId/:token/messages/:messageId', false, (request) => ok(webhookMessage(request)));
  add('PATCH', '/webhooks/:webhookId/:token/messages/:messageId', false, (request) => {
    const target = webhookMessage(request);
    const data = validateMessageBody(request.body, { isEdit: true, fileCount: request.files.length });
    const message = world.editMessage(target.id, data, request.files);
    if (((message.flags ?? 0) & EPHEMERAL) === 0) hooks.onMessage('MESSAGE_UPDATE', message);
    return ok(message);
  });
  add('DELETE', '/webhooks/:webhookId/:token/messages/:messageId', false, (request) => {
    world.deleteMessage(webhookMessage(request).id);
    return noContent();
  });

  // Direct messages: the bot opens one with a user (idempotent, as on Discord), then posts to it as a channel.
  add('POST', '/users/@me/channels', true, (request) => {
    const recipient = (request.body as { recipient_id?: unknown } | undefined)?.recipient_id;
    if (typeof recipient !== 'string' || !/^\d{17,20}$/.test(recipient)) throw invalidFormBody('recipient_id', 'NUMBER_TYPE_COERCE', 'Value is not snowflake.');
    return ok(world.openDirectMessage(recipient));
  });

  // Channels and their messages
  add('GET', '/channels/:channelId', true, (request) => ok(world.channelFor(param(request, 'channelId'))));
  add('GET', '/channels/:channelId/messages', true, (request) => {
    const channel = world.channelFor(param(request, 'channelId'));
    const limit = Math.min(Math.max(Number(request.query.get('limit') ?? 50), 1), 100);
    const inChannel = world.messages.filter((message) => message.channel_id === channel.id && ((message.flags ?? 0) & EPHEMERAL) === 0);
    return ok(inChannel.reverse().slice(0, limit));
  });
  add('POST', '/channels/:channelId/messages', true, (request) => {
    const channel = world.channelFor(param(request, 'channelId'));
    const body = validateMessageBody(request.body, { isEdit: false, fileCount: request.files.length });
    if (body.enforce_nonce) {
      if (body.nonce === undefined) throw invalidFormBody('nonce', 'BASE_TYPE_REQUIRED', 'This field is required');
      // Discord returns the earlier message instead of creating a duplicate.
      const earlier = world.messageForNonce(channel.id, body.nonce);
      if (earlier) return ok(earlier);
    }
    const message = world.createMessage({ channelId: channel.id, author: world.bot, body, files: request.files });
    hooks.onMessage('MESSAGE_CREATE', message);
    return ok(message);
  });
  add('GET', '/channels/:channelId/messages/:messageId', true, (request) => {
    const channel = world.channelFor(param(request, 'channelId'));
    const message = world.findMessage(param(request, 'messageId'));
    if (!message || message.channel_id !== channel.id) throw discordError(10008);
    return ok(message);
  });
  add('PATCH', '/channels/:channelId/messages/:messageId', true, (request) => {
    const channel = world.channelFor(param(request, 'channelId'));
    const existing = world.findMessage(param(request, 'messageId'));
    if (!existing || existing.channel_id !== channel.id) throw discordError(10008);
    if (existing.author.id !== world.bot.id) throw discordError(50005);
    const body = validateMessageBody(request.body, { isEdit: true, fileCount: request.files.length });
    const message = world.editMessage(existing.id, body, request.files);
    hooks.onMessage('MESSAGE_UPDATE', message);
    return ok(message);
  });
  add('DELETE', '/channels/:channelId/messages/:messageId', true, (request) => {
    const channel = world.channelFor(param(request, 'channelId'));
    const existing = world.findMessage(param(request, 'messageId'));
    if (!existing || existing.channel_id !== channel.id) throw discordError(10008);
    world.deleteMessage(existing.id);
    return noContent();
  });
  add('POST', '/channels/:channelId/typing', true, (request) => {
    world.channelFor(param(request, 'channelId'));
    return noContent();
  });

  // Guilds
  add('GET', '/guilds/:guildId', true, (request) => {
    const guild = world.guilds.get(param(request, 'guildId'));
    if (!guild) throw discordError(10004);
    return ok({ id: guild.id, name: guild.name, owner_id: guild.ownerId, roles: guild.roles, preferred_locale: guild.preferredLocale, features: [] });
  });
  add('GET', '/guilds/:guildId/channels', true, (request) => {
    const guild = world.guilds.get(param(request, 'guildId'));
    if (!guild) throw discordError(10004);
    return ok(guild.channelIds.map((id) => world.channelFor(id)));
  });

  return routes;
}
