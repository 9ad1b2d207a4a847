// The service with a Discord token: `policywatch start` logs the bot in to a Discord (the fake, on loopback),
// a moderator runs /subscribe bureau:DEVB in a channel, and the 09:00 alerts arrive there as embeds, once.
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/startFakeDiscord.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { freePort, killSpawned, spawnCli, waitFor } from '../../support/runCli.ts';

describe('policywatch start with DISCORD_BOT_TOKEN', () => {
  let fake: FakeDiscord;
  let db: TestDatabase;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    db = await createTestDatabase();
  });
  afterAll(async () => {
    killSpawned();
    await fake.close();
    await db.drop();
  });

  it('registers the commands, subscribes a channel and posts the due alerts as embeds', async () => {
    const service = spawnCli(['start'], {
      DATABASE_URL: db.url,
      DISCORD_BOT_TOKEN: fake.token,
      DISCORD_API_ROOT: fake.restApi,
      DISCORD_GUILD_ID: fake.guildId,
      POLICYWATCH_HTTP_PORT: String(await freePort()),
      POLICYWATCH_NOW: '2024-12-24T08:59:40+08:00', // room for a slow start before the slot
      POLICYWATCH_TICK_CRON: '* * * * * *',
    });
    await waitFor(() => fake.commands(fake.guildId).length > 0 || service.exitCode !== null, 30_000, 'the slash commands');
    expect(service.exitCode, service.errors()).toBeNull();
    expect(fake.commands(fake.guildId).map((c) => c.name)).toEqual(expect.arrayContaining(['subscribe', 'unsubscribe', 'upcoming', 'overdue', 'show']));

    const interaction = fake.dispatchInteraction(
      fake.slashCommand({ name: 'subscribe', options: { bureau: 'DEVB' }, memberPermissions: String(PermissionFlagsBits.ManageChannels) }),
    );
    await fake.waitForInteractionResponse(interaction.id, 10_000);

    const alertsPosted = () => fake.messages(fake.channelId).filter((m) => m.type === 0 && !m.webhook_id && (m.embeds ?? []).length > 0);
    await waitFor(() => alertsPosted().length > 0, 45_000, 'the alert embeds');
    const embeds = alertsPosted().flatMap((m) => m.embeds ?? []);
    const text = JSON.stringify(embeds);
    for (const ref of ['PA2024-7-01', 'PA2024-7-03', 'PA2024-7-04', 'PA2024-7-06']) expect(text).toContain(ref);
    expect(text).toContain('<t:1735606800:D>');
    expect(text).not.toContain('PA2024-7-10');

    const posts = alertsPosted().length;
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(alertsPosted()).toHaveLength(posts); // later ticks send nothing again

    const exited = new Promise<number | null>((resolve) => service.once('exit', resolve));
    service.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 120_000);
});
