// Reads a Bot API call's parameters the way Telegram accepts them: query string, JSON body or urlencoded form.
// Form and query values arrive as strings (objects JSON-encoded), so the accessors below coerce per parameter.
import type { IncomingMessage } from 'node:http';
import { badRequest } from './TelegramApiError.ts';

export type TelegramParams = Record<string, unknown>;
export type ChatId = number | string;

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readTelegramParams(req: IncomingMessage, query: URLSearchParams): Promise<TelegramParams> {
  const params: TelegramParams = Object.fromEntries(query);
  const body = await readBody(req);
  if (body.length === 0) return params;
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  if (contentType.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw badRequest("can't parse JSON object");
    }
    return { ...params, ...(parsed as TelegramParams) };
  }
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    return { ...params, ...Object.fromEntries(new URLSearchParams(body.toString('utf8'))) };
  }
  if (contentType.startsWith('multipart/form-data')) {
    // File uploads are out of scope for this fake; say so plainly instead of pretending.
    throw badRequest('multipart/form-data uploads are not supported by the fake Telegram server');
  }
  return params;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw badRequest('request entity too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function readString(params: TelegramParams, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw badRequest(`field "${name}" must be of type String`);
}

export function readInteger(params: TelegramParams, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isInteger(number)) throw badRequest(`field "${name}" must be of type Integer`);
  return number;
}

export function readBoolean(params: TelegramParams, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw badRequest(`field "${name}" must be of type Boolean`);
}

/** Objects and arrays: already parsed in JSON bodies, JSON-encoded strings in forms and query strings. */
export function readJson<T>(params: TelegramParams, name: string): T | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return value as T;
  try {
    return JSON.parse(value) as T;
  } catch {
    throw badRequest(`can't parse ${name} JSON object`);
  }
}

/** Telegram accepts chat ids as integers or "@username"; numeric strings from forms become numbers. */
export function readChatId(params: TelegramParams, name = 'chat_id'): ChatId | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  return normalizeChatId(value);
}

export function normalizeChatId(value: unknown): ChatId {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string') {
    if (/^-?\d+$/.test(value)) return Number(value);
    if (value.startsWith('@') && value.length > 1) return value;
  }
  throw badRequest('chat not found');
}
