// The message limits Discord checks on create and edit, answered with the same codes (50006, 50035 + errors).
import { discordError, invalidFormBody } from './DiscordApiError.ts';

export interface MessageBody {
  content?: string | null;
  embeds?: Array<Record<string, unknown>> | null;
  components?: unknown[] | null;
  nonce?: string | number;
  enforce_nonce?: boolean;
  flags?: number;
  tts?: boolean;
  sticker_ids?: string[];
  poll?: unknown;
  attachments?: unknown[];
  message_reference?: { message_id?: string; channel_id?: string; guild_id?: string };
  username?: string;
  avatar_url?: string;
}

const EMBED_TEXT_LIMITS: Array<[string, number]> = [
  ['title', 256],
  ['description', 4096],
];

export function validateMessageBody(raw: unknown, { isEdit, fileCount }: { isEdit: boolean; fileCount: number }): MessageBody {
  if (raw !== undefined && (typeof raw !== 'object' || raw === null || Array.isArray(raw))) {
    throw invalidFormBody('_', 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
  }
  const body = (raw ?? {}) as MessageBody;
  if (body.content !== undefined && body.content !== null) {
    if (typeof body.content !== 'string') throw invalidFormBody('content', 'BASE_TYPE_STRING', 'Could not interpret value as string.');
    if (body.content.length > 2000) throw invalidFormBody('content', 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
  }
  const embeds = body.embeds ?? [];
  if (!Array.isArray(embeds)) throw invalidFormBody('embeds', 'BASE_TYPE_LIST', 'Could not interpret value as list.');
  if (embeds.length > 10) throw invalidFormBody('embeds', 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  embeds.forEach((embed, index) => {
    for (const [field, limit] of EMBED_TEXT_LIMITS) {
      const value = embed[field];
      if (typeof value === 'string' && value.length > limit) {
        throw invalidFormBody(`embeds.${index}.${field}`, 'BASE_TYPE_MAX_LENGTH', `Must be ${limit} or fewer in length.`);
      }
    }
    const fields = embed.fields;
    if (Array.isArray(fields) && fields.length > 25) {
      throw invalidFormBody(`embeds.${index}.fields`, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    }
  });
  if (typeof body.nonce === 'string' && body.nonce.length > 25) {
    throw invalidFormBody('nonce', 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  }
  const empty =
    !body.content && embeds.length === 0 && !body.components?.length && !body.sticker_ids?.length && !body.poll && fileCount === 0;
  if (empty && !isEdit) throw discordError(50006);
  return body;
}
