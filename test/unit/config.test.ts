import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('loadConfig', () => {
  it('reads config/default.json with no environment', () => {
    const config = loadConfig({ env: {} });
    expect(config.timezone).toBe('Asia/Hong_Kong');
    expect(config.alerts.leadDays).toEqual([30, 7, 1]);
    expect(config.database.url).toBeNull();
    expect(config.telegram.apiRoot).toBe('https://api.telegram.org');
    expect(config.now).toBeNull();
    expect(config.telegram.mode).toBe('polling');
    expect(config.telegram.webhookUrl).toBeNull();
    expect(config.database.embeddedDataDir).toMatch(/\/\.data\/pg$/);
  });

  it('lets environment variables override the file, and freezes the result', () => {
    const config = loadConfig({
      env: {
        POLICYWATCH_ALERT_LEAD_DAYS: '14,3',
        POLICYWATCH_HTTP_PORT: '9090',
        DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/x',
        POLICYWATCH_NOW: '2024-12-01T09:00:00+08:00',
        TELEGRAM_API_ROOT: 'http://127.0.0.1:1234/',
        POLICYWATCH_DIGEST_SKIP_EMPTY: 'true',
      },
    });
    expect(config.alerts.leadDays).toEqual([14, 3]);
    expect(config.http.port).toBe(9090);
    expect(config.database.url).toBe('postgres://u:p@127.0.0.1:5432/x');
    expect(config.now?.toISOString()).toBe('2024-12-01T01:00:00.000Z');
    expect(config.telegram.apiRoot).toBe('http://127.0.0.1:1234');
    expect(config.digest.skipEmpty).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.alerts.leadDays)).toBe(true);
    expect(() => {
      (config as { timezone: string }).timezone = 'UTC';
    }).toThrow();
  });

  it.each([
    [{ POLICYWATCH_TIMEZONE: 'Mars/Olympus' }, /timezone \(POLICYWATCH_TIMEZONE\) = "Mars\/Olympus"; allowed: an IANA time zone/],
    [{ POLICYWATCH_HTTP_PORT: 'eighty' }, /http\.port \(POLICYWATCH_HTTP_PORT\) = "eighty"; allowed: an integer/],
    [{ POLICYWATCH_HTTP_PORT: '70000' }, /http\.port \(POLICYWATCH_HTTP_PORT\) = 70000; allowed: a value <= 65535/],
    [{ POLICYWATCH_LOG_LEVEL: 'loud' }, /log\.level \(POLICYWATCH_LOG_LEVEL\) = "loud"; allowed: one of "fatal", "error"/],
    [{ DATABASE_URL: 'mysql://x' }, /database\.url \(DATABASE_URL\) = "mysql:\/\/x"; allowed: a postgres:\/\//],
    [{ POLICYWATCH_NOW: 'yesterday' }, /now \(POLICYWATCH_NOW\) = "yesterday"; allowed: an ISO instant/],
    [{ POLICYWATCH_ALERT_LEAD_DAYS: '30,soon' }, /alerts\.leadDays \(POLICYWATCH_ALERT_LEAD_DAYS\) = "30,soon"; allowed: comma-separated whole numbers/],
    [{ POLICYWATCH_TICK_CRON: 'every minute' }, /tick\.cron \(POLICYWATCH_TICK_CRON\) = "every minute"; allowed: a cron expression/],
    [{ TELEGRAM_BOT_TOKEN: 'not-a-token' }, /telegram\.token \(TELEGRAM_BOT_TOKEN\) = "not-a-token"; allowed: a bot token/],
    [{ TELEGRAM_MODE: 'push' }, /telegram\.mode \(TELEGRAM_MODE\) = "push"; allowed: one of "polling", "webhook"/],
    [{ TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_SECRET: 'a-secret-of-sixteen' }, /telegram\.webhookUrl \(TELEGRAM_WEBHOOK_URL\) = null; allowed: an https URL when telegram\.mode is "webhook"/],
    [{ TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg' }, /telegram\.webhookSecret \(TELEGRAM_WEBHOOK_SECRET\) = null; allowed: a secret when/],
    [{ TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/' }, /telegram\.webhookUrl \(TELEGRAM_WEBHOOK_URL\) = "https:\/\/bot\.example\.org\/"; allowed: an http\(s\) URL with a path/],
    [{ TELEGRAM_WEBHOOK_SECRET: 'short' }, /telegram\.webhookSecret \(TELEGRAM_WEBHOOK_SECRET\) = "short"; allowed: 16 to 256 characters/],
    [{ POLICYWATCH_DIGEST_DAY: 'someday' }, /digest\.day \(POLICYWATCH_DIGEST_DAY\) = "someday"; allowed: one of "mon"/],
    [{ DISCORD_SHARDS: 'many' }, /discord\.shards \(DISCORD_SHARDS\) = "many"; allowed: "auto" or a positive whole number/],
    [{ DISCORD_SHARDS: '0' }, /discord\.shards \(DISCORD_SHARDS\) = 0; allowed: "auto" or a positive whole number/],
    [{ DISCORD_SHARDS: '-2' }, /discord\.shards \(DISCORD_SHARDS\) = "-2"; allowed: "auto" or a positive whole number/],
    [{ DISCORD_SHARDS: '1.5' }, /discord\.shards \(DISCORD_SHARDS\) = "1\.5"; allowed: "auto" or a positive whole number/],
  ])('refuses %o with one line naming key, value and what is allowed', (env, message) => {
    let error: unknown;
    try {
      loadConfig({ env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('accepts webhook mode with a URL and a secret', () => {
    const config = loadConfig({ env: { TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram/webhook', TELEGRAM_WEBHOOK_SECRET: 'a-secret-of-sixteen' } });
    expect(config.telegram).toMatchObject({ mode: 'webhook', webhookUrl: 'https://bot.example.org/telegram/webhook', webhookSecret: 'a-secret-of-sixteen' });
  });

  it('reads discord.shards: 1 by default, "auto" or a count from DISCORD_SHARDS', () => {
    expect(loadConfig({ env: {} }).discord.shards).toBe(1);
    expect(loadConfig({ env: { DISCORD_SHARDS: 'auto' } }).discord.shards).toBe('auto');
    expect(loadConfig({ env: { DISCORD_SHARDS: ' AUTO ' } }).discord.shards).toBe('auto');
    expect(loadConfig({ env: { DISCORD_SHARDS: '4' } }).discord.shards).toBe(4);
  });

  it('names a missing extra config file', () => {
    expect(() => loadConfig({ env: { POLICYWATCH_CONFIG: 'nope.json' } })).toThrow(/POLICYWATCH_CONFIG = ".*nope\.json"; allowed: a readable JSON file \(ENOENT\)/);
  });
});
