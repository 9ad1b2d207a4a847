// /calendar [rotate]: the secret iCalendar URL of the chat's subscription; rotate replaces it. Managers only,
// since whoever has the URL can read the chat's selection.
import { publicUrlOf } from '../../../config.ts';
import { calendarUrlOf, getCalendarToken, rotateCalendarToken } from '../../../services/tracker/calendarService.ts';
import { isActive } from '../ChatRequest.ts';
import { replyUsage } from '../replyUsage.ts';
import type { TelegramCommand } from '../TelegramCommand.ts';

export const calendarCommand: TelegramCommand = {
  name: 'calendar',
  access: 'manager',
  async run(request) {
    const { deps, chat, texts, now, args } = request;
    const word = args.trim().toLowerCase();
    const rotate = word === 'rotate';
    if (word && !rotate) return replyUsage(request, 'calendar');
    if (!isActive(request.subscription)) return void (await request.reply(texts.noSubscription));
    const token = rotate ? await rotateCalendarToken(deps.pool, chat.target, now) : await getCalendarToken(deps.pool, chat.target, now);
    await request.reply(texts.calendarUrl(calendarUrlOf(publicUrlOf(deps.config), token), rotate));
  },
};
