// A Bot API failure as Telegram reports it. Handlers throw it; the server answers with the error envelope and an
// HTTP status equal to error_code, which is what real Telegram does and what grammY turns into a GrammyError.
import type { ResponseParameters } from 'grammy/types';

export interface TelegramErrorResponse {
  error_code: number;
  description: string;
  parameters?: ResponseParameters;
}

export class TelegramApiError extends Error {
  readonly response: TelegramErrorResponse;

  constructor(response: TelegramErrorResponse) {
    super(response.description);
    this.name = 'TelegramApiError';
    this.response = response;
  }
}

export function badRequest(description: string, parameters?: ResponseParameters): TelegramApiError {
  return new TelegramApiError({
    error_code: 400,
    description: `Bad Request: ${description}`,
    ...(parameters ? { parameters } : {}),
  });
}

export function forbidden(description: string): TelegramApiError {
  return new TelegramApiError({ error_code: 403, description: `Forbidden: ${description}` });
}
