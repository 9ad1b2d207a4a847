// A Discord REST failure: status, JSON body and headers. Route handlers throw it; the server sends it as is.
export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: unknown;
  [key: string]: unknown;
}

export class DiscordApiError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;

  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    super(typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : `HTTP ${status}`);
    this.name = 'DiscordApiError';
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** JSON error codes the fake produces, with the HTTP status and message Discord pairs them with. */
export const DISCORD_ERROR_CODES: Record<number, { status: number; message: string }> = {
  10003: { status: 404, message: 'Unknown Channel' },
  10004: { status: 404, message: 'Unknown Guild' },
  10008: { status: 404, message: 'Unknown Message' },
  10015: { status: 404, message: 'Unknown Webhook' },
  10062: { status: 404, message: 'Unknown interaction' },
  10063: { status: 404, message: 'Unknown application command' },
  40060: { status: 400, message: 'Interaction has already been acknowledged.' },
  50001: { status: 403, message: 'Missing Access' },
  50005: { status: 403, message: 'Cannot edit a message authored by another user' },
  50006: { status: 400, message: 'Cannot send an empty message' },
  50013: { status: 403, message: 'Missing Permissions' },
  50035: { status: 400, message: 'Invalid Form Body' },
};

export function discordError(code: number, extra: Partial<DiscordErrorBody> = {}): DiscordApiError {
  const known = DISCORD_ERROR_CODES[code];
  if (!known) throw new Error(`No status known for Discord error code ${code}; pass status and body instead`);
  return new DiscordApiError(known.status, { message: known.message, code, ...extra });
}

/** Errors about HTTP itself carry code 0 and a "<status>: <reason>" message. */
export function httpError(status: 401 | 404 | 405): DiscordApiError {
  const reason = { 401: 'Unauthorized', 404: 'Not Found', 405: 'Method Not Allowed' }[status];
  return new DiscordApiError(status, { message: `${status}: ${reason}`, code: 0 });
}

/** 50035 with Discord's nested error shape, for one offending field path like "embeds.0.description". */
export function invalidFormBody(field: string, errorCode: string, message: string): DiscordApiError {
  const errors: Record<string, unknown> = {};
  let cursor = errors;
  const parts = field.split('.');
  parts.forEach((part, index) => {
    const next: Record<string, unknown> = index === parts.length - 1 ? { _errors: [{ code: errorCode, message }] } : {};
    cursor[part] = next;
    cursor = next;
  });
  return discordError(50035, { errors });
}
