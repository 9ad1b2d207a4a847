// The service with a Telegram token: `policywatch start` runs the bot against a Bot API server (the fake,
// on loopback); a resident subscribes with /subscribe 發展局 and gets the 09:00 alert, once.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../../fakes/telegram/startFakeTelegram.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { freePort, killSpawned, spawnCli, waitFor } from '../../support/runCli.ts';

describe('policywatch start with TELEGRAM_BOT_TOKEN', () => {
  let fake: FakeTelegram;
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    fake = await startFakeTelegram();
    db = await createTestDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'pw-tg-service-'));
    chmodSync(dir, 0o755);
  });
  afterAll(async () => {
    killSpawned();
    await fake.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('subscribes a chat through the bot and delivers the due alert through the same bot', async () => {
    const service = spawnCli(['start'], {
      DATABASE_URL: db.url,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      POLICYWATCH_HTTP_PORT: String(await freePort()),
      // twenty seconds before the 09:00 slot of the 7-days-left alerts, ticking every second
      POLICYWATCH_NOW: '2024-12-24T08:59:40+08:00', // room for a slow start before the slot
      POLICYWATCH_TICK_CRON: '* * * * * *',
    });
    await waitFor(() => service.output().includes('telegram bot is polling') || service.exitCode !== null, 30_000, 'the bot to poll');
    expect(service.exitCode, service.errors()).toBeNull();
    expect(service.output()).not.toContain('console subscription'); // a token is configured

    fake.sendText({ chatId: 4242, chatType: 'private', fromId: 4242, text: '/subscribe 發展局' });
    await waitFor(() => fake.sentMessages(4242).length >= 1, 10_000, 'the reply to /subscribe');
    expect(fake.sentMessages(4242)[0]!.text).toContain('發展局');

    await waitFor(() => fake.sentMessages(4242).some((m) => (m.text ?? '').includes('PA2024-7-03')), 45_000, 'the alert');
    const alert = fake.sentMessages(4242).find((m) => (m.text ?? '').includes('PA2024-7-03'))!;
    expect(alert.text).toContain('2024-12-31');
    for (const ref of ['PA2024-7-01', 'PA2024-7-04', 'PA2024-7-06']) expect(alert.text).toContain(ref);
    expect(alert.text).not.toContain('PA2024-7-10'); // ITIB's, not subscribed

    await new Promise((resolve) => setTimeout(resolve, 2_500)); // more ticks: nothing is sent twice
    expect(fake.sentMessages(4242).filter((m) => (m.text ?? '').includes('PA2024-7-03'))).toHaveLength(1);

    const exited = new Promise<number | null>((resolve) => service.once('exit', resolve));
    service.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
