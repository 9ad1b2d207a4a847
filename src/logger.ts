// pino, JSON by default and readable lines on a terminal. Secrets are scrubbed from the finished line, so a
// token cannot leak through an error message or a URL, whatever field it hides in.
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

export interface CreateLoggerOptions {
  level: string;
  secrets?: readonly (string | null | undefined)[];
  pretty?: boolean;
  destination?: NodeJS.WritableStream;
}

const TOKEN_PATTERNS: readonly RegExp[] = [
  /(?<!\d)\d{6,}:[A-Za-z0-9_-]{30,}/g, // Telegram bot tokens (also inside URLs such as /bot<token>/)
  /(?<![\w-])[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/g, // Discord bot tokens
  /(?<=\/\/[^:/@\s"]+:)[^@/\s"]+(?=@)/g, // passwords in URLs such as postgres://user:secret@host
  /(?<=\/api\/webhooks\/\d+\/)[A-Za-z0-9_-]+/g, // Discord webhook tokens
];

export function redactSecrets(text: string, secrets: readonly (string | null | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[REDACTED]');
  }
  for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, '[REDACTED]');
  return out;
}

export function createLogger(options: CreateLoggerOptions): Logger {
  const secrets = options.secrets ?? [];
  const usePretty = options.pretty ?? Boolean(process.stdout.isTTY);
  const destination = options.destination ?? (usePretty ? pretty({ colorize: true, sync: true }) : pino.destination({ sync: true }));
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: ['token', '*.token', 'password', '*.password', 'authorization', '*.authorization'], censor: '[REDACTED]' },
      hooks: { streamWrite: (line: string) => redactSecrets(line, secrets) },
    },
    destination,
  );
}
