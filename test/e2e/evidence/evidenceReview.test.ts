// Evidence from anyone, decided by editors, through the running service with both bots (real grammY and
// discord.js against the local fakes): proposals from Telegram and Discord users reach the queue, an editor
// approves one and rejects one in each bot, the approved milestone is met with its evidence and provenance
// in `show --json`, its queued alerts are superseded, and every proposer is told. Bad input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/startFakeDiscord.ts';
import { startFakeTelegram, type FakeTelegram } from '../../fakes/telegram/startFakeTelegram.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { freePort, killSpawned, runCli, spawnCli, waitFor } from '../../support/runCli.ts';

const TG_EDITOR = 900;
const TG_ALICE = 101;
const TG_BOB = 102;
const DC_EDITOR = '1300000000000009000';
const DC_CAROL = '1300000000000001001';
const DC_DAVE = '1300000000000001002';
const DC_ERIN = '1300000000000001003';
const PAUSED_TARGET = 'telegram:5555';

describe('evidence proposals through both bots', () => {
  let telegram: FakeTelegram;
  let discord: FakeDiscord;
  let db: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    telegram = await startFakeTelegram();
    discord = await startFakeDiscord();
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url, POLICYWATCH_NOW: '2026-12-02T08:00:00+08:00' };
    // A watchdog subscription whose target is paused: the 09:00 overdue reminders (2026-12-02 is on the
    // shared rhythm) stay queued, so the test can see an approval supersede them.
    expect((await runCli(['load'], env)).code).toBe(0);
    expect((await runCli(['subscribe', PAUSED_TARGET, '--bureau', 'DEVB', '--watchdog'], env)).code).toBe(0);
    await db.pool.query(`UPDATE subscriptions SET paused_until = '2030-01-01' WHERE target = $1`, [PAUSED_TARGET]);
    const tick = await runCli(['tick', '--at', '2026-12-02T09:30:00+08:00'], env);
    expect(tick.code, tick.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    killSpawned();
    await telegram.close();
    await discord.close();
    await db.drop();
  });

  const pendingAlertsOf = async (ref: string): Promise<number> => {
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN milestones m ON m.id = n.milestone_id JOIN commitments c ON c.id = m.commitment_id
       WHERE c.ref = $1 AND n.state = 'pending'`,
      [ref],
    );
    return rows[0].n;
  };
  const proposalId = async (ref: string): Promise<number> => {
    const { rows } = await db.pool.query(
      `SELECT p.id FROM evidence_proposals p JOIN milestones m ON m.id = p.milestone_id JOIN commitments c ON c.id = m.commitment_id WHERE c.ref = $1`,
      [ref],
    );
    return rows[0].id;
  };
  const texts = (chatId: number): string[] => telegram.sentMessages(chatId).map((m) => m.text ?? '');
  const lastText = async (chatId: number, count: number): Promise<string> => {
    await waitFor(() => telegram.sentMessages(chatId).length >= count, 10_000, `reply ${count} in chat ${chatId}`);
    return texts(chatId)[count - 1]!;
  };
  const slash = async (input: Parameters<FakeDiscord['slashCommand']>[0]): Promise<string> => {
    const interaction = discord.dispatchInteraction(discord.slashCommand({ locale: 'en-US', ...input }));
    const response = await discord.waitForInteractionResponse(interaction.id, 10_000);
    return String((response.data as { content?: string } | undefined)?.content ?? '');
  };
  const pressDiscordButton = async (message: APIMessage, customId: string, userId: string): Promise<{ type: number; content: string }> => {
    const base = discord.slashCommand({ name: 'review', userId, locale: 'en-US' });
    const press = discord.dispatchInteraction({ ...base, type: 3, data: { custom_id: customId, component_type: 2 }, message } as never) as { id: string };
    const response = await discord.waitForInteractionResponse(press.id, 10_000);
    return { type: response.type, content: String((response.data as { content?: string } | undefined)?.content ?? '') };
  };

  it('reaches the queue from both bots, is decided in both, tells the proposers and records met with evidence', async () => {
    expect(await pendingAlertsOf('PA2024-7-03')).toBe(1);
    const service = spawnCli(['start'], {
      ...env,
      POLICYWATCH_NOW: '2026-12-02T10:00:00+08:00',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_EDITORS: String(TG_EDITOR),
      DISCORD_BOT_TOKEN: discord.token,
      DISCORD_API_ROOT: discord.restApi,
      DISCORD_GUILD_ID: discord.guildId,
      DISCORD_EDITORS: DC_EDITOR,
      POLICYWATCH_HTTP_PORT: String(await freePort()),
    });
    await waitFor(
      () => (service.output().includes('telegram bot is polling') && discord.commands(discord.guildId).length > 0) || service.exitCode !== null,
      40_000,
      'both bots',
    );
    expect(service.exitCode, service.errors()).toBeNull();
    expect(discord.commands(discord.guildId).map((c) => c.name)).toEqual(expect.arrayContaining(['report', 'review']));

    // Proposals: two from Telegram users, two from Discord users.
    telegram.sendText({ chatId: TG_ALICE, chatType: 'private', fromId: TG_ALICE, text: '/report PA2024-7-03 met https://www.devb.gov.hk/press/1 announced in LegCo' });
    expect(await lastText(TG_ALICE, 1)).toMatch(/#\d+/);
    telegram.sendText({ chatId: TG_BOB, chatType: 'private', fromId: TG_BOB, text: '/report PA2024-7-04 claimed https://www.info.gov.hk/gia/2' });
    expect(await lastText(TG_BOB, 1)).toMatch(/#\d+/);
    expect(await slash({ name: 'report', userId: DC_CAROL, username: 'carol', options: { ref: 'PA2024-7-06', status: 'met', url: 'https://www.legco.gov.hk/paper/3' } })).toMatch(
      /Proposal #\d+ received/,
    );
    expect(await slash({ name: 'report', userId: DC_DAVE, username: 'dave', options: { ref: 'PA2024-7-01/1', status: 'progress', url: 'https://www.devb.gov.hk/4' } })).toMatch(
      /Proposal #\d+ received/,
    );
    // The same evidence for Alice's milestone from a Discord user: merged into hers, and told its outcome too.
    expect(await slash({ name: 'report', userId: DC_ERIN, username: 'erin', options: { ref: 'PA2024-7-03', status: 'met', url: 'https://www.devb.gov.hk/press/1' } })).toMatch(
      /#\d+/,
    );
    const queue = JSON.parse((await runCli(['evidence', 'list', '--json'], env)).stdout) as { ref: string; proposer: string }[];
    expect(queue.map((p) => `${p.ref} ${p.proposer}`).sort()).toEqual(
      [`PA2024-7-01 discord:${DC_DAVE}`, `PA2024-7-03 telegram:${TG_ALICE}`, `PA2024-7-04 telegram:${TG_BOB}`, `PA2024-7-06 discord:${DC_CAROL}`].sort(),
    );

    // Telegram: the editor's /review shows each proposal with buttons; approve Alice's, reject Bob's.
    telegram.sendText({ chatId: TG_EDITOR, chatType: 'private', fromId: TG_EDITOR, text: '/review' });
    await waitFor(() => telegram.sentMessages(TG_EDITOR).length >= 5, 10_000, 'the review queue');
    const items = telegram.sentMessages(TG_EDITOR).slice(1);
    const itemFor = (ref: string) => items.find((m) => (m.text ?? '').includes(ref))!;
    const buttons = (m: (typeof items)[number]) => (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => ('callback_data' in b ? b.callback_data : ''));
    const alice = await proposalId('PA2024-7-03');
    const bob = await proposalId('PA2024-7-04');
    expect(buttons(itemFor('PA2024-7-03'))).toEqual([`ev:a:${alice}`, `ev:r:${alice}`]);
    telegram.pressButton({ chatId: TG_EDITOR, chatType: 'private', fromId: TG_EDITOR, data: `ev:a:${alice}`, messageId: itemFor('PA2024-7-03').message_id });
    telegram.pressButton({ chatId: TG_EDITOR, chatType: 'private', fromId: TG_EDITOR, data: `ev:r:${bob}`, messageId: itemFor('PA2024-7-04').message_id });

    // Discord: the editor's /review, approve Carol's, reject Dave's.
    await slash({ name: 'review', userId: DC_EDITOR, username: 'editor' });
    await waitFor(() => discord.messages().filter((m) => (m.components ?? []).length > 0).length >= 4, 10_000, 'the Discord review items');
    const discordItem = (ref: string) => discord.messages().find((m) => (m.components ?? []).length > 0 && (m.content ?? '').includes(ref))!;
    const carol = await proposalId('PA2024-7-06');
    const dave = await proposalId('PA2024-7-01');
    expect((await pressDiscordButton(discordItem('PA2024-7-06'), `ev:a:${carol}`, DC_EDITOR)).content).toContain(`Approved proposal #${carol}`);
    expect((await pressDiscordButton(discordItem('PA2024-7-01'), `ev:r:${dave}`, DC_EDITOR)).content).toContain(`Rejected proposal #${dave}`);

    // Every proposer is told, where they proposed.
    expect(await lastText(TG_ALICE, 2)).toContain(`#${alice}`);
    expect(texts(TG_ALICE)[1]).toMatch(/approved|批准/);
    expect(await lastText(TG_BOB, 2)).toMatch(/not accepted|未獲接納/);
    const told = () => discord.messages(discord.channelId).filter((m) => /Your proposal|你的提案/.test(m.content ?? ''));
    const toldAbout = (id: number) => told().some((m) => m.content!.includes(`#${id}`));
    await waitFor(() => toldAbout(carol) && toldAbout(dave), 10_000, 'the Discord outcomes');
    expect(told().find((m) => m.content!.includes(`#${carol}`))!.content).toContain(`<@${DC_CAROL}>`);
    expect(told().find((m) => m.content!.includes(`#${dave}`))!.content).toMatch(/not accepted|未獲接納/);
    await waitFor(() => told().some((m) => m.content!.includes(`#${alice}`)), 10_000, 'the merged proposer told');
    const erin = told().filter((m) => m.content!.includes(`#${alice}`));
    expect(erin).toHaveLength(1);
    expect(erin[0]!.content).toContain(`<@${DC_ERIN}>`);
    expect(erin[0]!.content).toMatch(/approved|批准/);

    // The approved milestone is met, with its evidence and where it came from; its queued alert is superseded.
    const shown = JSON.parse((await runCli(['show', 'PA2024-7-03', '--json'], env)).stdout);
    const milestone = shown.milestones[0];
    expect(milestone.status).toBe('met');
    expect(milestone.evidenceUrl).toBe('https://www.devb.gov.hk/press/1');
    expect(milestone.latest.provenance).toMatchObject({ kind: 'proposal', recordedBy: `telegram:${TG_EDITOR}`, proposalId: alice });
    expect(milestone.latest.evidenceUrl).toBe('https://www.devb.gov.hk/press/1');
    expect(await pendingAlertsOf('PA2024-7-03')).toBe(0);
    expect(await pendingAlertsOf('PA2024-7-04')).toBe(1); // rejected: nothing changes
    const sixth = JSON.parse((await runCli(['show', 'PA2024-7-06', '--json'], env)).stdout).milestones[0];
    expect(sixth).toMatchObject({ status: 'met', evidenceUrl: 'https://www.legco.gov.hk/paper/3' });
    expect(sixth.latest.provenance).toMatchObject({ kind: 'proposal', recordedBy: `discord:${DC_EDITOR}`, proposedBy: 'carol' });
    const fourth = JSON.parse((await runCli(['show', 'PA2024-7-04', '--json'], env)).stdout).milestones[0];
    expect(fourth.status).toBe('pending');

    // Bad input: a clear reply, nothing changes.
    const before = (await db.pool.query('SELECT count(*)::int AS n FROM evidence_proposals')).rows[0].n;
    const history = (await db.pool.query('SELECT count(*)::int AS n FROM milestone_status_history')).rows[0].n;
    telegram.sendText({ chatId: TG_BOB, chatType: 'private', fromId: TG_BOB, text: '/report PA2024-7-99 met https://example.org/x', languageCode: 'en' });
    expect(await lastText(TG_BOB, 3)).toContain('no such commitment');
    telegram.sendText({ chatId: TG_BOB, chatType: 'private', fromId: TG_BOB, text: '/report PA2024-7-05 met not-a-url', languageCode: 'en' });
    expect(await lastText(TG_BOB, 4)).toContain('http(s) URL');
    telegram.sendText({ chatId: TG_BOB, chatType: 'private', fromId: TG_BOB, text: '/review', languageCode: 'en' });
    expect(await lastText(TG_BOB, 5)).toMatch(/only editors|只有編輯/);
    telegram.pressButton({ chatId: TG_EDITOR, chatType: 'private', fromId: TG_EDITOR, data: `ev:r:${alice}`, messageId: itemFor('PA2024-7-03').message_id });
    const stale = await telegram.waitForCall('answerCallbackQuery', (call) => String(call.params.text ?? '').includes('already approved'), 10_000);
    expect(String(stale.params.text)).toContain(`#${alice}`);
    expect(await slash({ name: 'report', userId: DC_DAVE, options: { ref: 'PA2024-7-06', status: 'met', url: 'ftp://example.org/y' } })).toContain('http(s) URL');
    expect(await slash({ name: 'review', userId: DC_DAVE })).toMatch(/only editors/);
    const refused = await pressDiscordButton(discordItem('PA2024-7-03'), `ev:a:${alice}`, DC_DAVE);
    expect(refused.content).toMatch(/only editors/);
    const staleDiscord = await pressDiscordButton(discordItem('PA2024-7-03'), `ev:a:${alice}`, DC_EDITOR);
    expect(staleDiscord.content).toContain('already approved');
    expect((await runCli(['evidence', 'approve', String(alice), '--by', 'ed'], env)).stderr).toContain('already approved');
    expect((await db.pool.query('SELECT count(*)::int AS n FROM evidence_proposals')).rows[0].n).toBe(before);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM milestone_status_history')).rows[0].n).toBe(history);

    const exited = new Promise<number | null>((resolve) => service.once('exit', resolve));
    service.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 180_000);
});
