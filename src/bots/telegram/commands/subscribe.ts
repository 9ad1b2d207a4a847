// /subscribe <bureau…|all> and /unsubscribe <bureau…|all>; without arguments they show the bureau keyboard.
// A list with any unrecognised name changes nothing, so a typo never subscribes to half of what was meant.
import { subscribe, unsubscribeBureaus } from '../../../services/subscriptions.ts';
import { formatBureauNames } from '../../formatBureauNames.ts';
import { parseBureauList, type BureauList } from '../../parseBotArguments.ts';
import { buildBureauKeyboard } from '../buildBureauKeyboard.ts';
import { isActive, isEverything, type ChatRequest } from '../ChatRequest.ts';
import { describeForChat } from '../describeForChat.ts';
import { replyUsage } from '../replyUsage.ts';
import type { TelegramCommand } from '../TelegramCommand.ts';

function readList(request: ChatRequest): { list: BureauList | null; problem?: string } {
  const list = parseBureauList(request.args);
  if (list.unknown.length) return { list: null, problem: request.texts.unknownBureaus(list.unknown) };
  if (!list.all && !list.bureaus.length) return { list: null };
  return { list };
}

export const subscribeCommand: TelegramCommand = {
  name: 'subscribe',
  access: 'manager',
  async run(request) {
    const { texts, deps, chat } = request;
    if (!request.args) {
      const summary = isActive(request.subscription) ? `\n\n${describeForChat(request, request.subscription)}` : '';
      await request.reply(`${texts.pickToSubscribe}${summary}`, { keyboard: buildBureauKeyboard(request.subscription, request.language) });
      return;
    }
    const { list, problem } = readList(request);
    if (!list) return replyUsage(request, 'subscribe', problem);
    if (!list.all && isEverything(request.subscription)) {
      await request.reply(texts.alreadyAll);
      return;
    }
    const codes = list.bureaus.map((bureau) => bureau.code);
    // Subscribing is asking for deadline alerts, also on a subscription /watchdog or /digest created.
    const row = await subscribe(deps.pool, { target: chat.target, all: list.all, bureaus: codes, deadlines: true, language: request.language }, request.now);
    deps.languagePreferences.delete(chat.target);
    const done = list.all ? texts.subscribedAll : texts.subscribed(formatBureauNames(codes, request.language));
    await request.reply([`${done}\n${texts.deadlinesSchedule(deps.policy.leadDays, deps.policy.sendAt)}`, describeForChat(request, row)]);
  },
};

export const unsubscribeCommand: TelegramCommand = {
  name: 'unsubscribe',
  access: 'manager',
  async run(request) {
    const { texts, deps, chat, subscription } = request;
    if (!isActive(subscription)) {
      await request.reply(texts.noSubscription);
      return;
    }
    if (!request.args) {
      await request.reply(`${texts.pickToUnsubscribe}\n\n${describeForChat(request, subscription)}`, {
        keyboard: buildBureauKeyboard(subscription, request.language),
      });
      return;
    }
    const { list, problem } = readList(request);
    if (!list) return replyUsage(request, 'unsubscribe', problem);
    const outcome = await unsubscribeBureaus(deps.pool, subscription, { all: list.all, codes: list.bureaus.map((bureau) => bureau.code) }, request.now);
    if (outcome.kind === 'all') return void (await request.reply(texts.unsubscribedAll));
    if (outcome.kind === 'followingAll') return void (await request.reply(texts.followingAllCannotRemove));
    const lines: string[] = [];
    if (outcome.notFollowed.length) lines.push(texts.notSubscribedTo(formatBureauNames(outcome.notFollowed, request.language)));
    if (outcome.kind === 'removed') {
      lines.push(texts.unsubscribed(formatBureauNames(outcome.removed, request.language)));
      if (!outcome.row || outcome.row.disabledAt) lines.push(texts.unsubscribedAll);
      else lines.push(describeForChat(request, outcome.row));
    }
    await request.reply(lines);
  },
};
