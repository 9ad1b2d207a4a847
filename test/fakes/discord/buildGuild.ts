// Guilds the fake bot is in, from a small config, and the GUILD_CREATE payload discord.js caches them from
// (Guild#_patch reads roles, channels, members and the scalar fields below; missing arrays are skipped there).
import type { APIChannel, APIGuildMember, APIRole, APIUser, GatewayGuildCreateDispatchData } from 'discord.js';
import type { SnowflakeFactory } from './createSnowflakes.ts';

export interface FakeChannelConfig {
  id?: string;
  name: string;
  /** Discord ChannelType number: 0 text (default), 2 voice, 4 category, 5 announcement, 15 forum. */
  type?: number;
  parentId?: string;
  topic?: string;
}

export interface FakeRoleConfig {
  id?: string;
  name: string;
  permissions?: string;
}

export interface FakeMemberConfig {
  userId: string;
  username?: string;
  roles?: string[];
  nick?: string;
}

export interface FakeGuildConfig {
  id?: string;
  name?: string;
  ownerId?: string;
  preferredLocale?: string;
  channels?: FakeChannelConfig[];
  roles?: FakeRoleConfig[];
  members?: FakeMemberConfig[];
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: string;
  joinedAt: string;
  roles: APIRole[];
  members: APIGuildMember[];
  channelIds: string[];
}

/** View, Send, Embed Links, Read History, Use Application Commands: what an alerts bot is usually granted. */
export const BOT_ROLE_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 31n));
/** Discord's default @everyone permissions for a new server. */
export const EVERYONE_PERMISSIONS = '2248473465835073';

export function buildUser(id: string, username: string, bot = false): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: bot ? null : username,
    avatar: null,
    ...(bot ? { bot: true } : {}),
    public_flags: 0 as APIUser['public_flags'],
  };
}

function buildRole(id: string, name: string, position: number, permissions: string, managed = false): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions,
    managed,
    mentionable: false,
    flags: 0 as APIRole['flags'],
  };
}

function buildMember(user: APIUser, roles: string[], joinedAt: string, nick: string | null = null): APIGuildMember {
  return {
    user,
    nick,
    avatar: null,
    banner: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as APIGuildMember['flags'],
    pending: false,
    communication_disabled_until: null,
  };
}

export function buildChannel(id: string, guildId: string | null, config: FakeChannelConfig, position: number): APIChannel {
  const type = config.type ?? 0;
  const base = {
    id,
    type,
    name: config.name,
    position,
    flags: 0,
    ...(guildId ? { guild_id: guildId } : {}),
    permission_overwrites: [],
    parent_id: config.parentId ?? null,
  };
  if (type === 4 || type === 2) return base as APIChannel;
  return { ...base, topic: config.topic ?? null, nsfw: false, last_message_id: null, rate_limit_per_user: 0 } as APIChannel;
}

export function buildGuild(
  config: FakeGuildConfig,
  nextId: SnowflakeFactory,
  bot: APIUser,
  defaults: { id: string; channelId: string },
): { guild: FakeGuild; channels: APIChannel[] } {
  const id = config.id ?? defaults.id;
  const joinedAt = new Date().toISOString();
  const channelConfigs = config.channels ?? [{ id: defaults.channelId, name: 'alerts', topic: 'Deadline alerts' }];
  const channels = channelConfigs.map((channel, index) => buildChannel(channel.id ?? nextId(), id, channel, index));
  const botRoleId = nextId();
  const roles = [
    buildRole(id, '@everyone', 0, EVERYONE_PERMISSIONS),
    buildRole(botRoleId, bot.username, 1, BOT_ROLE_PERMISSIONS, true),
    ...(config.roles ?? []).map((role, index) => buildRole(role.id ?? nextId(), role.name, index + 2, role.permissions ?? '0')),
  ];
  const ownerId = config.ownerId ?? config.members?.[0]?.userId ?? nextId();
  const members = [
    buildMember(bot, [botRoleId], joinedAt),
    ...(config.members ?? []).map((member) =>
      buildMember(buildUser(member.userId, member.username ?? `user${member.userId.slice(-4)}`), member.roles ?? [], joinedAt, member.nick),
    ),
  ];
  return {
    guild: {
      id,
      name: config.name ?? 'PolicyWatch Test Server',
      ownerId,
      preferredLocale: config.preferredLocale ?? 'en-US',
      joinedAt,
      roles,
      members,
      channelIds: channels.map((channel) => channel.id),
    },
    channels,
  };
}

export function buildGuildCreate(guild: FakeGuild, channels: APIChannel[]): GatewayGuildCreateDispatchData {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    roles: guild.roles,
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: guild.preferredLocale,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    // GUILD_CREATE extras
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: guild.members.length,
    voice_states: [],
    // Channels inside GUILD_CREATE carry no guild_id; discord.js fills it in.
    members: guild.members,
    channels: channels.map(({ guild_id: _omit, ...channel }: APIChannel & { guild_id?: string }) => channel) as GatewayGuildCreateDispatchData['channels'],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  } as unknown as GatewayGuildCreateDispatchData;
}
