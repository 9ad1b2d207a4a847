// Turns a command registration body into the stored ApplicationCommand, with the naming rules Discord enforces
// (50035 errors under the command's index) and the id kept when a command of the same name and type exists.
import type { APIApplicationCommand } from 'discord.js';
import { invalidFormBody } from './DiscordApiError.ts';

interface CommandOptionInput {
  type?: number;
  name?: unknown;
  description?: unknown;
  required?: boolean;
  options?: CommandOptionInput[];
  [key: string]: unknown;
}

interface CommandInput {
  type?: number;
  name?: unknown;
  description?: unknown;
  options?: CommandOptionInput[];
  default_member_permissions?: string | null;
  dm_permission?: boolean;
  contexts?: number[] | null;
  integration_types?: number[];
  nsfw?: boolean;
  name_localizations?: Record<string, string> | null;
  description_localizations?: Record<string, string> | null;
}

// Slash command and option names: 1–32 lowercase letters (any script), digits, "-", "_" or "'".
const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

export interface CommandContext {
  applicationId: string;
  guildId: string | null;
  existing: APIApplicationCommand[];
  nextId: () => string;
}

function checkName(name: unknown, field: string, chatInput: boolean): string {
  const valid =
    typeof name === 'string' &&
    (chatInput ? CHAT_INPUT_NAME.test(name) && name === name.toLowerCase() : name.length >= 1 && name.length <= 32);
  if (!valid) throw invalidFormBody(`${field}.name`, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  return name;
}

function checkDescription(description: unknown, field: string, chatInput: boolean): string {
  if (!chatInput) {
    if (description !== undefined && description !== '') {
      throw invalidFormBody(`${field}.description`, 'APPLICATION_COMMAND_INVALID_DESCRIPTION', 'Description must be empty');
    }
    return '';
  }
  if (typeof description !== 'string' || description.length < 1 || description.length > 100) {
    throw invalidFormBody(`${field}.description`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
  return description;
}

function checkOptions(options: CommandOptionInput[] | undefined, field: string): void {
  if (options === undefined) return;
  if (options.length > 25) throw invalidFormBody(`${field}.options`, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  let optionalSeen = false;
  options.forEach((option, index) => {
    const path = `${field}.options.${index}`;
    checkName(option.name, path, true);
    checkDescription(option.description, path, true);
    const isSubcommand = option.type === 1 || option.type === 2;
    if (isSubcommand) checkOptions(option.options, path);
    else if (option.required) {
      if (optionalSeen) {
        throw invalidFormBody(`${field}.options`, 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
      }
    } else optionalSeen = true;
  });
}

export function buildApplicationCommand(raw: unknown, index: number, context: CommandContext): APIApplicationCommand {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalidFormBody(String(index), 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
  }
  const input = raw as CommandInput;
  const type = input.type ?? 1;
  const chatInput = type === 1;
  const name = checkName(input.name, String(index), chatInput);
  const description = checkDescription(input.description, String(index), chatInput);
  checkOptions(input.options, String(index));
  const previous = context.existing.find((command) => command.name === name && command.type === type);
  return {
    id: previous?.id ?? context.nextId(),
    application_id: context.applicationId,
    version: context.nextId(),
    default_member_permissions: input.default_member_permissions ?? null,
    type,
    name,
    name_localizations: input.name_localizations ?? null,
    description,
    description_localizations: input.description_localizations ?? null,
    ...(context.guildId ? { guild_id: context.guildId } : { dm_permission: input.dm_permission ?? true }),
    ...(input.options ? { options: input.options } : {}),
    contexts: input.contexts ?? null,
    integration_types: input.integration_types ?? [0],
    nsfw: input.nsfw ?? false,
  } as APIApplicationCommand;
}

/** Bulk overwrite: the new list replaces the old; names must be unique per type. */
export function buildCommandList(raw: unknown, context: CommandContext): APIApplicationCommand[] {
  if (!Array.isArray(raw)) throw invalidFormBody('_', 'BASE_TYPE_LIST', 'Could not interpret value as list.');
  if (raw.length > 110) throw invalidFormBody('_', 'BASE_TYPE_MAX_LENGTH', 'Must be 110 or fewer in length.');
  const commands = raw.map((entry, index) => buildApplicationCommand(entry, index, context));
  const seen = new Set<string>();
  commands.forEach((command, index) => {
    const key = `${command.type}:${command.name}`;
    if (seen.has(key)) throw invalidFormBody(`${index}.name`, 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`);
    seen.add(key);
  });
  return commands;
}
