// Who may run a command, checked on every interaction whatever Discord's command permissions say (server
// admins can change those). Changing a channel's subscription needs Manage Channels in that channel
// (interaction.memberPermissions is the member's permissions there); recording a status needs to be an editor:
// a user listed in DISCORD_EDITORS or a member holding DISCORD_EDITOR_ROLE_ID.
import { PermissionFlagsBits, type APIInteractionGuildMember, type ButtonInteraction, type ChatInputCommandInteraction, type GuildMember } from 'discord.js';
import type { CommandAccess, DiscordBotDeps } from './DiscordCommand.ts';

export type AccessRefusal = 'guildOnly' | 'needsManageChannels' | 'notEditor';

function hasRole(member: GuildMember | APIInteractionGuildMember | null, roleId: string): boolean {
  if (!member) return false;
  // An uncached guild gives the raw member, whose roles are plain ids.
  return Array.isArray(member.roles) ? member.roles.includes(roleId) : (member as GuildMember).roles.cache.has(roleId);
}

export function isEditor(interaction: ChatInputCommandInteraction | ButtonInteraction, deps: Pick<DiscordBotDeps, 'editors' | 'editorRoleId'>): boolean {
  if (deps.editors.has(interaction.user.id)) return true;
  return deps.editorRoleId !== null && interaction.inGuild() && hasRole(interaction.member, deps.editorRoleId);
}

export function checkAccess(access: CommandAccess, interaction: ChatInputCommandInteraction, deps: Pick<DiscordBotDeps, 'editors' | 'editorRoleId'>): AccessRefusal | null {
  if (access === 'manager') {
    if (!interaction.inGuild()) return 'guildOnly';
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels)) return 'needsManageChannels';
  }
  if (access === 'editor' && !isEditor(interaction, deps)) return 'notEditor';
  return null;
}
