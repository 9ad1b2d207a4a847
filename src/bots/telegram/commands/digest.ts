// /digest on [day] [HH:MM] | off | skip-empty on|off | preview: the chat's weekly digest. A day or time given
// with "on" is stored on the subscription; one not given stays as it was (the configured default unless
// chosen before), and the reply says when the digest now comes. Changes are for those who manage the chat;
// the preview is for everyone.
import { changeSubscriptionSettings, type SubscriptionRow } from '../../../services/subscriptions.ts';
import { resolveDigestSchedule } from '../../../domain/resolveDigestSchedule.ts';
import { digestSettingsOf } from '../../../schedule/digestSettingsOf.ts';
import { describeDigestSchedule } from '../../describeDigestSchedule.ts';
import { parseDigestArgs } from '../../parseBotArguments.ts';
import { isActive, type ChatRequest } from '../ChatRequest.ts';
import { replyUsage } from '../replyUsage.ts';
import type { TelegramCommand } from '../TelegramCommand.ts';
import { replyDigestPreview } from './replyDigestPreview.ts';
import { setSwitch } from './switches.ts';

function scheduleNote(request: ChatRequest): (row: SubscriptionRow) => string {
  return (row) => {
    const { schedule } = resolveDigestSchedule(row, digestSettingsOf(request.deps.config).schedule);
    return request.texts.digestSchedule(describeDigestSchedule(schedule, request.language));
  };
}

export const digestCommand: TelegramCommand = {
  name: 'digest',
  access: (args) => (parseDigestArgs(args).action === 'preview' ? 'everyone' : 'manager'),
  async run(request) {
    const args = parseDigestArgs(request.args);
    switch (args.action) {
      case 'invalid':
        return replyUsage(request, 'digest', args.word === null ? undefined : request.texts.digestNotDayOrTime(args.word));
      case 'preview':
        return replyDigestPreview(request);
      case 'off':
        return setSwitch(request, 'digest', false);
      case 'on':
        return setSwitch(request, 'digest', true, {
          settings: { digestDay: args.day ?? undefined, digestTime: args.time ?? undefined },
          note: scheduleNote(request),
        });
      case 'skipEmpty': {
        const { deps, chat, texts, now } = request;
        if (!isActive(request.subscription)) return void (await request.reply(texts.noSubscription));
        await changeSubscriptionSettings(deps.pool, chat.target, { digestSkipEmpty: args.skip }, now);
        await request.reply(texts.digestSkipEmpty(args.skip));
      }
    }
  },
};
