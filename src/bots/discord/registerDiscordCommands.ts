// The slash commands are written only when Discord's differ from buildCommands(): restarts and replicas leave
// them alone (startDiscordBot runs this under takeTurns, so replicas starting together write them at most once),
// and a deployment that changes a command rewrites them once. Discord's own copy is compared, not a record of
// ours, so commands removed by hand in the Developer Portal come back.
import { Routes, type ApplicationCommand, type Client } from 'discord.js';
import { buildCommands } from './buildCommands.ts';

type CommandBody = ReturnType<typeof buildCommands>[number];
// ApplicationCommand#equals reads API (snake_case) bodies too; its type only lists full commands and camelCase data.
type Comparable = Parameters<ApplicationCommand['equals']>[0];

function sameCommands(current: readonly ApplicationCommand[], wanted: readonly CommandBody[]): boolean {
  if (current.length !== wanted.length) return false;
  return wanted.every((body) => current.some((command) => command.name === body.name && command.equals(body as unknown as Comparable, true)));
}

/** Registers the commands in one guild (guildId) or globally; returns whether they had to be written. */
export async function registerDiscordCommands(client: Client<true>, guildId: string | null): Promise<boolean> {
  const wanted = buildCommands();
  // Full localization maps, or Discord answers only the names in the caller's locale and nothing compares equal.
  const current = await client.application.commands.fetch({ withLocalizations: true, ...(guildId ? { guildId } : {}) });
  if (sameCommands([...current.values()], wanted)) return false;
  const route = guildId ? Routes.applicationGuildCommands(client.application.id, guildId) : Routes.applicationCommands(client.application.id);
  await client.rest.put(route, { body: wanted });
  return true;
}
