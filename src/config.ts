// The only reader of process.env. Non-secret policy comes from config/default.json (and an optional file named
// by POLICYWATCH_CONFIG), environment variables override it, secrets come only from the environment. The
// result is validated once into a frozen object; a bad value stops start-up with one line naming it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cron from 'node-cron';
import { z } from 'zod';
import { isHttpUrl } from './domain/isHttpUrl.ts';
import { isLocalTime, isTimeZone } from './domain/zonedTime.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export class ConfigError extends Error {
  constructor(
    readonly key: string,
    readonly value: unknown,
    readonly allowed: string,
    readonly source: string | null = null,
  ) {
    super(`invalid configuration: ${key}${source ? ` (${source})` : ''} = ${JSON.stringify(value)}; allowed: ${allowed}`);
    this.name = 'ConfigError';
  }
}

const SHARDS_ALLOWED = '"auto" or a positive whole number';
const isShardSetting = (value: unknown): boolean => value === 'auto' || (Number.isSafeInteger(value) && (value as number) >= 1);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

// Each rule carries the human text used when the value is refused.
const port = z.number().int().min(0).max(65535);
const schema = z.object({
  timezone: z.string().refine(isTimeZone, 'an IANA time zone such as Asia/Hong_Kong'),
  alerts: z.object({
    leadDays: z.array(z.number().int().min(1).max(365)).min(1),
    sendAt: z.string().refine(isLocalTime, 'a local time HH:MM'),
    missedGraceDays: z.number().int().min(0).max(60),
    overdueEveryDays: z.number().int().min(1).max(365),
  }),
  digest: z.object({
    day: z.enum(WEEKDAYS),
    time: z.string().refine(isLocalTime, 'a local time HH:MM'),
    skipEmpty: z.boolean(),
  }),
  tick: z.object({
    cron: z.string().refine((v) => cron.validate(v), 'a cron expression such as "* * * * *"'),
    leaseSeconds: z.number().int().min(5).max(3600),
    maxAttempts: z.number().int().min(1).max(100),
  }),
  http: z.object({
    host: z.string().min(1),
    port,
    publicUrl: z.string().refine(isHttpUrl, 'an http(s) URL such as https://tracker.example.org').nullable(),
    rateLimitPerMinute: z.number().int().min(1).max(10_000_000),
  }),
  log: z.object({ level: z.enum(LOG_LEVELS) }),
  database: z.object({
    url: z.string().refine((v) => /^postgres(ql)?:\/\//.test(v), 'a postgres:// or postgresql:// URL').nullable(),
    poolSize: z.number().int().min(1).max(200),
    embeddedPort: port.min(1),
    embeddedDataDir: z.string().min(1),
  }),
  seeds: z.object({ manifest: z.string().min(1) }),
  ingest: z.object({ maxFileMegabytes: z.number().positive().max(2048) }),
  telegram: z.object({
    token: z.string().regex(/^\d+:[\w-]+$/, 'a bot token such as 123456:ABC-def').nullable(),
    apiRoot: z.string().refine(isHttpUrl, 'an http(s) URL'),
    editors: z.array(z.string().regex(/^\d+$/, 'numeric Telegram user ids')),
    mode: z.enum(['polling', 'webhook']),
    webhookUrl: z
      .string()
      .refine((v) => isHttpUrl(v) && new URL(v).pathname !== '/', 'an http(s) URL with a path, such as https://bot.example.org/telegram/webhook')
      .nullable(),
    // Telegram's own rule for secret_token.
    webhookSecret: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, '16 to 256 characters of A-Z, a-z, 0-9, _ and -').nullable(),
  }),
  discord: z.object({
    token: z.string().min(10, 'a bot token').nullable(),
    apiRoot: z.string().refine(isHttpUrl, 'an http(s) URL'),
    editors: z.array(z.string().regex(/^\d+$/, 'numeric Discord user ids')),
    editorRoleId: z.string().regex(/^\d+$/, 'a numeric role id').nullable(),
    guildId: z.string().regex(/^\d+$/, 'a numeric guild id').nullable(),
    // discord.js internal sharding: every shard in this process; "auto" takes Discord's recommended count.
    shards: z.custom<'auto' | number>(isShardSetting, { error: SHARDS_ALLOWED }),
  }),
  evidence: z.object({
    perPersonPerDay: z.number().int().min(1).max(1000),
    cliEditors: z.array(z.string().min(1)),
  }),
  now: z.string().regex(ISO_INSTANT, 'an ISO instant with offset, e.g. 2024-12-01T09:00:00+08:00').nullable(),
});

type RawConfig = z.infer<typeof schema>;
export type Config = DeepReadonly<Omit<RawConfig, 'now'> & { now: Date | null; root: string }>;
type DeepReadonly<T> = T extends Date ? T : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

type Parse = 'string' | 'int' | 'intList' | 'bool' | 'stringList' | 'autoOrInt';
interface EnvBinding {
  env: string;
  key: string;
  parse: Parse;
}

/** Every environment variable that is read, with the configuration key it sets. The README table mirrors it. */
export const ENV_BINDINGS: readonly EnvBinding[] = [
  { env: 'DATABASE_URL', key: 'database.url', parse: 'string' },
  { env: 'TELEGRAM_BOT_TOKEN', key: 'telegram.token', parse: 'string' },
  { env: 'TELEGRAM_API_ROOT', key: 'telegram.apiRoot', parse: 'string' },
  { env: 'TELEGRAM_EDITORS', key: 'telegram.editors', parse: 'stringList' },
  { env: 'TELEGRAM_MODE', key: 'telegram.mode', parse: 'string' },
  { env: 'TELEGRAM_WEBHOOK_URL', key: 'telegram.webhookUrl', parse: 'string' },
  { env: 'TELEGRAM_WEBHOOK_SECRET', key: 'telegram.webhookSecret', parse: 'string' },
  { env: 'DISCORD_BOT_TOKEN', key: 'discord.token', parse: 'string' },
  { env: 'DISCORD_API_ROOT', key: 'discord.apiRoot', parse: 'string' },
  { env: 'DISCORD_EDITORS', key: 'discord.editors', parse: 'stringList' },
  { env: 'DISCORD_EDITOR_ROLE_ID', key: 'discord.editorRoleId', parse: 'string' },
  { env: 'DISCORD_GUILD_ID', key: 'discord.guildId', parse: 'string' },
  { env: 'DISCORD_SHARDS', key: 'discord.shards', parse: 'autoOrInt' },
  { env: 'POLICYWATCH_PROPOSALS_PER_DAY', key: 'evidence.perPersonPerDay', parse: 'int' },
  { env: 'POLICYWATCH_CLI_EDITORS', key: 'evidence.cliEditors', parse: 'stringList' },
  { env: 'POLICYWATCH_NOW', key: 'now', parse: 'string' },
  { env: 'POLICYWATCH_TIMEZONE', key: 'timezone', parse: 'string' },
  { env: 'POLICYWATCH_ALERT_LEAD_DAYS', key: 'alerts.leadDays', parse: 'intList' },
  { env: 'POLICYWATCH_ALERT_TIME', key: 'alerts.sendAt', parse: 'string' },
  { env: 'POLICYWATCH_MISSED_GRACE_DAYS', key: 'alerts.missedGraceDays', parse: 'int' },
  { env: 'POLICYWATCH_OVERDUE_EVERY_DAYS', key: 'alerts.overdueEveryDays', parse: 'int' },
  { env: 'POLICYWATCH_DIGEST_DAY', key: 'digest.day', parse: 'string' },
  { env: 'POLICYWATCH_DIGEST_TIME', key: 'digest.time', parse: 'string' },
  { env: 'POLICYWATCH_DIGEST_SKIP_EMPTY', key: 'digest.skipEmpty', parse: 'bool' },
  { env: 'POLICYWATCH_TICK_CRON', key: 'tick.cron', parse: 'string' },
  { env: 'POLICYWATCH_LEASE_SECONDS', key: 'tick.leaseSeconds', parse: 'int' },
  { env: 'POLICYWATCH_MAX_ATTEMPTS', key: 'tick.maxAttempts', parse: 'int' },
  { env: 'POLICYWATCH_HTTP_HOST', key: 'http.host', parse: 'string' },
  { env: 'POLICYWATCH_HTTP_PORT', key: 'http.port', parse: 'int' },
  { env: 'POLICYWATCH_PUBLIC_URL', key: 'http.publicUrl', parse: 'string' },
  { env: 'POLICYWATCH_RATE_LIMIT', key: 'http.rateLimitPerMinute', parse: 'int' },
  { env: 'POLICYWATCH_LOG_LEVEL', key: 'log.level', parse: 'string' },
  { env: 'POLICYWATCH_DB_POOL_SIZE', key: 'database.poolSize', parse: 'int' },
  { env: 'POLICYWATCH_PG_PORT', key: 'database.embeddedPort', parse: 'int' },
  { env: 'POLICYWATCH_PG_DATA_DIR', key: 'database.embeddedDataDir', parse: 'string' },
  { env: 'POLICYWATCH_SEEDS_MANIFEST', key: 'seeds.manifest', parse: 'string' },
  { env: 'POLICYWATCH_MAX_FILE_MB', key: 'ingest.maxFileMegabytes', parse: 'int' },
];

const SECRET_DEFAULTS = {
  database: { url: null },
  telegram: { token: null, apiRoot: 'https://api.telegram.org', webhookSecret: null },
  discord: { token: null, apiRoot: 'https://discord.com/api' },
  now: null,
};

function parseEnvValue(binding: EnvBinding, raw: string): unknown {
  const fail = (allowed: string): never => {
    throw new ConfigError(binding.key, raw, allowed, binding.env);
  };
  switch (binding.parse) {
    case 'string':
      return raw;
    case 'int':
      return /^-?\d+$/.test(raw.trim()) ? Number(raw) : fail('an integer');
    case 'intList':
      return raw.split(',').map((part) => (/^\d+$/.test(part.trim()) ? Number(part) : fail('comma-separated whole numbers, e.g. 30,7,1')));
    case 'bool':
      if (/^(1|true|yes|on)$/i.test(raw)) return true;
      if (/^(0|false|no|off)$/i.test(raw)) return false;
      return fail('true or false');
    case 'stringList':
      return raw.split(',').map((part) => part.trim()).filter(Boolean);
    case 'autoOrInt':
      // Anything else stays a string, which the schema refuses with the setting's own wording.
      if (raw.trim().toLowerCase() === 'auto') return 'auto';
      return /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
  }
}

function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

function getPath(source: unknown, key: (string | number | symbol)[]): unknown {
  let node = source;
  for (const part of key) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number | symbol, unknown>)[part];
  }
  return node;
}

function mergeDeep(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current)
        ? mergeDeep(current as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out;
}

function readJsonFile(file: string, key: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(key, file, `a readable JSON file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(key, file, `a JSON object (${(error as Error).message})`);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export interface LoadConfigOptions {
  env?: Record<string, string | undefined>;
  root?: string;
}

export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const root = options.root ?? PROJECT_ROOT;
  let raw = mergeDeep(readJsonFile(path.join(root, 'config', 'default.json'), 'config/default.json'), SECRET_DEFAULTS);
  const extraFile = env.POLICYWATCH_CONFIG;
  if (extraFile) raw = mergeDeep(raw, readJsonFile(path.resolve(root, extraFile), 'POLICYWATCH_CONFIG'));

  const sources = new Map<string, string>();
  for (const binding of ENV_BINDINGS) {
    const value = env[binding.env];
    if (value === undefined || value === '') continue;
    setPath(raw, binding.key, parseEnvValue(binding, value));
    sources.set(binding.key, binding.env);
  }

  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    // Report the whole setting (e.g. alerts.leadDays), not one element of it.
    const settingPath = issue.path.filter((part) => typeof part === 'string');
    const key = settingPath.join('.');
    throw new ConfigError(key || '(root)', getPath(raw, settingPath), describeIssue(issue), sources.get(key) ?? null);
  }
  const parsed = result.data;
  if (parsed.telegram.mode === 'webhook') {
    // Without both, Telegram could not reach the service, or anyone could post updates to it.
    if (!parsed.telegram.webhookUrl) throw new ConfigError('telegram.webhookUrl', null, 'an https URL when telegram.mode is "webhook"', 'TELEGRAM_WEBHOOK_URL');
    if (!parsed.telegram.webhookSecret) throw new ConfigError('telegram.webhookSecret', null, 'a secret when telegram.mode is "webhook"', 'TELEGRAM_WEBHOOK_SECRET');
  }
  const now = parsed.now === null ? null : new Date(parsed.now);
  if (now && Number.isNaN(now.getTime())) throw new ConfigError('now', parsed.now, 'a valid ISO instant', 'POLICYWATCH_NOW');
  return deepFreeze({
    ...parsed,
    now,
    root,
    database: { ...parsed.database, embeddedDataDir: path.resolve(root, parsed.database.embeddedDataDir) },
    seeds: { manifest: path.resolve(root, parsed.seeds.manifest) },
    telegram: { ...parsed.telegram, apiRoot: parsed.telegram.apiRoot.replace(/\/+$/, '') },
    discord: { ...parsed.discord, apiRoot: parsed.discord.apiRoot.replace(/\/+$/, '') },
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type':
      return `a ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'array' ? `at least ${issue.minimum} item(s)` : `a value >= ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array' ? `at most ${issue.maximum} item(s)` : `a value <= ${issue.maximum}`;
    default:
      return issue.message;
  }
}

/** The absolute base URL of the public tracker: http.publicUrl, or the address it listens on. */
export function publicUrlOf(config: Config): string {
  return (config.http.publicUrl ?? `http://${config.http.host}:${config.http.port}`).replace(/\/+$/, '');
}
