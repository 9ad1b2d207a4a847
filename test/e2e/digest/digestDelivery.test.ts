// The weekly digest through the real channels: Telegram (grammY against the fake Bot API) gets the HTML
// digest, Discord (discord.js REST against the fake Discord) gets embeds, once per ISO week.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../../src/clock.ts';
import { loadConfig } from '../../../src/config.ts';
import { subscribe } from '../../../src/db/subscriptions.ts';
import { createDiscordDeliveryAdapter } from '../../../src/notify/discord.ts';
import { createTelegramDeliveryAdapter } from '../../../src/notify/telegram.ts';
import { alertPolicyOf } from '../../../src/schedule/alertPolicyOf.ts';
import { digestSettingsOf } from '../../../src/schedule/digestSettingsOf.ts';
import { runTick } from '../../../src/schedule/runTick.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/startFakeDiscord.ts';
import { startFakeTelegram, type FakeTelegram } from '../../fakes/telegram/startFakeTelegram.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { seedTestDatabase, silentLogger } from '../../support/seedTestDatabase.ts';

describe('weekly digest delivered to Telegram and Discord', () => {
  let db: TestDatabase;
  let telegram: FakeTelegram;
  let discord: FakeDiscord;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedTestDatabase(db.pool);
    telegram = await startFakeTelegram();
    discord = await startFakeDiscord();
  });
  afterAll(async () => {
    await telegram.close();
    await discord.close();
    await db.drop();
  });

  it('sends one digest per subscription for the week of 2024-12-23, and none again that week', async () => {
    const config = loadConfig({
      env: { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot, DISCORD_BOT_TOKEN: discord.token, DISCORD_API_ROOT: discord.restApi },
    });
    const since = new Date('2024-12-20T12:00:00+08:00');
    await subscribe(db.pool, { target: 'telegram:777', bureaus: ['DEVB'], deadlines: false, digest: true }, since);
    await subscribe(db.pool, { target: `discord:${discord.channelId}`, bureaus: ['DEVB'], deadlines: false, digest: true, language: 'en' }, since);
    const adapters = [createTelegramDeliveryAdapter(config, silentLogger), createDiscordDeliveryAdapter(config, silentLogger, { rest: { retries: 1, timeout: 2_000 } })];
    const clock = createFixedClock('2024-12-23T09:30:00+08:00');
    const tick = () =>
      runTick({ pool: db.pool, clock, logger: silentLogger, policy: alertPolicyOf(config), digest: digestSettingsOf(config), adapters, leaseMs: 30_000, maxAttempts: 3 });
    try {
      const report = await tick();
      expect(report).toMatchObject({ digests: 2, delivered: 2, failed: 0 });

      const [message] = telegram.sentMessages(777);
      expect(message?.text).toMatch(/^<b>施政承諾每週摘要 2024-W52 · 發展局<\/b>/); // the fake keeps the HTML source
      for (const ref of ['PA2024-7-01/1', 'PA2024-7-03', 'PA2024-7-04', 'PA2024-7-06']) expect(message?.text).toContain(ref);
      expect(message?.text).not.toContain('PA2024-7-10');
      const htmlCall = telegram.callsTo('sendMessage').at(-1)!;
      expect(htmlCall.params.parse_mode).toBe('HTML');

      const posted = discord.messages(discord.channelId).filter((m) => (m.embeds ?? []).length > 0);
      expect(posted).toHaveLength(1);
      const embeds = JSON.stringify(posted[0]!.embeds);
      expect(embeds).toContain('Weekly digest 2024-W52');
      expect(embeds).toContain('PA2024-7-06');

      clock.set('2024-12-27T09:30:00+08:00');
      expect(await tick()).toMatchObject({ digests: 0, delivered: 0 });
      expect(telegram.sentMessages(777)).toHaveLength(1);
    } finally {
      for (const adapter of adapters) await adapter.close?.();
    }
  });
});
