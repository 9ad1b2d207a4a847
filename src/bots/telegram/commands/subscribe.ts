// /subscribe <bureau…|all> and /unsubscribe <bureau…|all>; without arguments they show the bureau keyboard.
// A list with any unrecognised name changes nothing, so a typo never subscribes to half of what was meant.
import { subscribe, unsubscribe } from '../../../db/subscriptions.ts';
import { formatBureauNames } from '../../formatBureauNames.ts';
import { parseBureauList, type BureauList } from '../../parseBureauList.ts';
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
    if (list.all) {
      await unsubscribe(deps.pool, chat.target, { all: true }, request.now);
      await request.reply(texts.unsubscribedAll);
      return;
    }
    if (isEverything(subscription)) {
      await request.reply(texts.followingAllCannotRemove);
      return;
    }
    const codes = list.bureaus.map((bureau) => bureau.code);
    const followed = codes.filter((code) => subscription.bureaus?.includes(code));
    const notFollowed = codes.filter((code) => !followed.includes(code));
    const lines: string[] = [];
    if (notFollowed.length) lines.push(texts.notSubscribedTo(formatBureauNames(notFollowed, request.language)));
    if (!followed.length) {
      await request.reply(lines);
      return;
    }
    const row = await unsubscribe(deps.pool, chat.target, { bureaus: followed }, request.now);
    lines.push(texts.unsubscribed(formatBureauNames(followed, request.language)));
    if (!row || row.disabledAt) lines.push(texts.unsubscribedAll);
    else lines.push(describeForChat(request, row));
    await request.reply(lines);
  },
};
