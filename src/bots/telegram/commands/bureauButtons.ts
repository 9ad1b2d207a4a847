// A press on the bureau keyboard: toggles that bureau (or all of them) for the chat, then redraws the
// keyboard so the ✅ marks match the subscription. In groups only administrators may press.
import type { Context } from 'grammy';
import { findSubscription, subscribe, unsubscribe } from '../../../services/subscriptions.ts';
import { findBureau } from '../../../domain/bureaus.ts';
import { formatBureauName } from '../../formatBureauNames.ts';
import { BUREAU_BUTTON_PATTERN, buildBureauKeyboard } from '../buildBureauKeyboard.ts';
import { canManageChat, createChatRequest, isActive, isEverything, type ChatRequest } from '../ChatRequest.ts';
import { describeForChat } from '../describeForChat.ts';
import type { TelegramBotDeps } from '../TelegramBotDeps.ts';

async function toggle(request: ChatRequest, code: string): Promise<{ text: string; alert?: boolean }> {
  const { deps, chat, texts, subscription, now } = request;
  if (code === 'all') {
    if (isEverything(subscription)) {
      await unsubscribe(deps.pool, chat.target, { all: true }, now);
      return { text: texts.toggledOff(texts.allButton) };
    }
    await subscribe(deps.pool, { target: chat.target, all: true, deadlines: true, language: request.language }, now);
    return { text: texts.toggledOn(texts.allButton) };
  }
  const bureau = findBureau(code);
  if (!bureau) return { text: texts.unknownBureaus([code]).replace(/<[^>]+>/g, ''), alert: true };
  const name = formatBureauName(bureau.code, request.language);
  if (isEverything(subscription)) return { text: texts.followingAllCannotRemove, alert: true };
  if (isActive(subscription) && subscription.bureaus?.includes(bureau.code)) {
    await unsubscribe(deps.pool, chat.target, { bureaus: [bureau.code] }, now);
    return { text: texts.toggledOff(name) };
  }
  await subscribe(deps.pool, { target: chat.target, bureaus: [bureau.code], deadlines: true, language: request.language }, now);
  return { text: texts.toggledOn(name) };
}

export async function handleBureauButton(ctx: Context, deps: TelegramBotDeps): Promise<void> {
  const code = BUREAU_BUTTON_PATTERN.exec(ctx.callbackQuery?.data ?? '')?.[1];
  const request = code ? await createChatRequest(ctx, deps) : null;
  if (!code || !request) {
    await ctx.answerCallbackQuery();
    return;
  }
  if (!(await canManageChat(request))) {
    await ctx.answerCallbackQuery({ text: request.texts.notAdmin, show_alert: true });
    return;
  }
  const outcome = await toggle(request, code);
  // Answer first: the redraw is paced like any message to the chat, the spinner should not wait for it.
  await ctx.answerCallbackQuery({ text: outcome.text, ...(outcome.alert ? { show_alert: true } : {}) });
  const updated = await findSubscription(deps.pool, request.chat.target);
  const summary = isActive(updated) ? `\n\n${describeForChat(request, updated)}` : '';
  try {
    await ctx.editMessageText(`${request.texts.pickToSubscribe}${summary}`, {
      parse_mode: 'HTML',
      reply_markup: buildBureauKeyboard(updated, request.language),
    });
  } catch (error) {
    // Two quick presses can leave nothing to change; anything else is worth a line in the log.
    if (!/message is not modified/.test(String((error as Error).message))) deps.logger.warn({ err: error }, 'could not redraw the bureau keyboard');
  }
}
