// INTERACTION_CREATE payloads for slash commands (type 2) and autocomplete (type 4), shaped like Discord's:
// the fields discord.js reads in BaseInteraction / CommandInteraction (entitlements must be an array, member
// needs permissions, app_permissions is a string) and option types taken from the registered command when known.
import { randomBytes } from 'node:crypto';
import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteractionDataOption,
  APIApplicationCommandOption,
  APIChatInputApplicationCommandInteraction,
  APIInteractionDataResolved,
  APIUser,
} from 'discord.js';
import { BOT_ROLE_PERMISSIONS, EVERYONE_PERMISSIONS, buildUser } from './buildGuild.ts';
import type { DiscordWorld } from './createDiscordWorld.ts';

export type OptionValues = Record<string, string | number | boolean>;

export interface SlashCommandInput {
  name: string;
  /** Either plain values by name (types come from the registered command, else are inferred) or raw options. */
  options?: OptionValues | APIApplicationCommandInteractionDataOption[];
  /** Omitted: the first guild. null: a DM with the bot. */
  guildId?: string | null;
  /** Defaults to the guild's first text channel (or a DM channel). */
  channelId?: string;
  userId?: string;
  username?: string;
  /** The member's permission bitfield as a decimal string; defaults to @everyone's. */
  memberPermissions?: string;
  roles?: string[];
  locale?: string;
  guildLocale?: string;
  appPermissions?: string;
  commandId?: string;
}

export interface AutocompleteInput extends SlashCommandInput {
  /** The option being typed and what has been typed so far. */
  focused: { name: string; value: string };
}

export const DEFAULT_USER_ID = '1300000000000001000';

const OPTION_TYPE = { string: 3, integer: 4, boolean: 5, user: 6, channel: 7, role: 8, number: 10 } as const;

function interactionToken(id: string): string {
  return Buffer.from(`interaction:${id}:${randomBytes(48).toString('base64url')}`).toString('base64url');
}

function inferType(value: string | number | boolean): number {
  if (typeof value === 'boolean') return OPTION_TYPE.boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OPTION_TYPE.integer : OPTION_TYPE.number;
  return OPTION_TYPE.string;
}

function registeredCommand(world: DiscordWorld, name: string, guildId: string | null) {
  const scopes = guildId ? [guildId, 'global'] : ['global'];
  for (const scope of scopes) {
    const command = world.commands.get(scope)?.find((candidate) => candidate.name === name && candidate.type === 1);
    if (command) return command;
  }
  return undefined;
}

interface BuiltOptions {
  options: APIApplicationCommandInteractionDataOption[];
  resolved: APIInteractionDataResolved | undefined;
}

function buildOptions(
  world: DiscordWorld,
  values: OptionValues,
  schema: APIApplicationCommandOption[] | undefined,
  guildId: string | null,
  focused?: string,
): BuiltOptions {
  const resolved: APIInteractionDataResolved = {};
  const guild = guildId ? world.guilds.get(guildId) : undefined;
  const options = Object.entries(values).map(([name, value]) => {
    const type = schema?.find((option) => option.name === name)?.type ?? inferType(value);
    const id = String(value);
    // Mentionable options carry their objects in `resolved`, which discord.js uses for getUser/getChannel/getRole.
    if (type === OPTION_TYPE.user) {
      const member = guild?.members.find((candidate) => candidate.user.id === id);
      resolved.users = { ...resolved.users, [id]: member?.user ?? buildUser(id, `user${id.slice(-4)}`) };
    } else if (type === OPTION_TYPE.channel) {
      const channel = world.channels.get(id);
      if (channel && 'name' in channel) {
        resolved.channels = { ...resolved.channels, [id]: { id, type: channel.type, name: channel.name ?? '', permissions: EVERYONE_PERMISSIONS } as never };
      }
    } else if (type === OPTION_TYPE.role) {
      const role = guild?.roles.find((candidate) => candidate.id === id);
      if (role) resolved.roles = { ...resolved.roles, [id]: role };
    }
    const typedValue = focused !== undefined ? value : type === OPTION_TYPE.integer || type === OPTION_TYPE.number ? Number(value) : value;
    return { name, type, value: typedValue, ...(name === focused ? { focused: true } : {}) } as APIApplicationCommandInteractionDataOption;
  });
  return { options, resolved: Object.keys(resolved).length > 0 ? resolved : undefined };
}

function buildBase(world: DiscordWorld, input: SlashCommandInput, type: 2 | 4, focused?: { name: string; value: string }) {
  const firstGuild = world.guilds.values().next().value;
  const guildId = input.guildId === undefined ? (firstGuild?.id ?? null) : input.guildId;
  const guild = guildId ? world.guilds.get(guildId) : undefined;
  const userId = input.userId ?? DEFAULT_USER_ID;
  const knownMember = guild?.members.find((member) => member.user.id === userId);
  const user: APIUser = knownMember?.user ?? buildUser(userId, input.username ?? 'alice');
  const id = world.nextId();
  const command = registeredCommand(world, input.name, guildId);

  const rawOptions = input.options;
  const values: OptionValues = Array.isArray(rawOptions) ? {} : { ...rawOptions };
  if (focused) values[focused.name] = focused.value;
  const built = Array.isArray(rawOptions)
    ? { options: rawOptions, resolved: undefined }
    : buildOptions(world, values, command?.options, guildId, focused?.name);

  const data = {
    id: input.commandId ?? command?.id ?? world.nextId(),
    name: input.name,
    type: 1,
    ...(guildId && command?.guild_id ? { guild_id: guildId } : {}),
    ...(built.options.length > 0 ? { options: built.options } : {}),
    ...(built.resolved ? { resolved: built.resolved } : {}),
  };
  const common = {
    id,
    application_id: world.applicationId,
    type,
    data,
    token: interactionToken(id),
    version: 1,
    locale: input.locale ?? 'en-US',
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };

  if (!guildId) {
    const channelId = input.channelId ?? world.nextId();
    return {
      ...common,
      channel_id: channelId,
      channel: { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [user] },
      user,
      app_permissions: input.appPermissions ?? BOT_ROLE_PERMISSIONS,
      authorizing_integration_owners: { '1': userId },
      context: 1,
    };
  }

  const channelId = input.channelId ?? guild?.channelIds[0] ?? world.nextId();
  const channel = world.channelFor(channelId);
  const permissions = input.memberPermissions ?? EVERYONE_PERMISSIONS;
  return {
    ...common,
    guild_id: guildId,
    guild: { id: guildId, locale: input.guildLocale ?? guild?.preferredLocale ?? 'en-US', features: [] },
    guild_locale: input.guildLocale ?? guild?.preferredLocale ?? 'en-US',
    channel_id: channelId,
    channel: { ...channel, permissions },
    member: {
      user,
      roles: input.roles ?? knownMember?.roles ?? [],
      premium_since: null,
      permissions,
      pending: false,
      nick: knownMember?.nick ?? null,
      mute: false,
      deaf: false,
      joined_at: knownMember?.joined_at ?? new Date(Date.now() - 86_400_000).toISOString(),
      flags: 0,
      avatar: null,
      banner: null,
      communication_disabled_until: null,
      unusual_dm_activity_until: null,
    },
    app_permissions: input.appPermissions ?? String(BigInt(BOT_ROLE_PERMISSIONS) | BigInt(EVERYONE_PERMISSIONS)),
    authorizing_integration_owners: { '0': guildId },
    context: 0,
  };
}

export function buildSlashCommand(world: DiscordWorld, input: SlashCommandInput): APIChatInputApplicationCommandInteraction {
  return buildBase(world, input, 2) as unknown as APIChatInputApplicationCommandInteraction;
}

export function buildAutocomplete(world: DiscordWorld, input: AutocompleteInput): APIApplicationCommandAutocompleteInteraction {
  return buildBase(world, input, 4, input.focused) as unknown as APIApplicationCommandAutocompleteInteraction;
}
