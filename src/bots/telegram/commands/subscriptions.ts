// /subscriptions: this chat's (or topic's) subscription and its settings.
import { describeForChat } from '../describeForChat.ts';
import type { TelegramCommand } from '../TelegramCommand.ts';

export const subscriptionsCommand: TelegramCommand = {
  name: 'subscriptions',
  access: 'everyone',
  async run(request) {
    const { subscription, texts } = request;
    if (!subscription) return void (await request.reply(texts.noSubscription));
    await request.reply([texts.subscriptionHeading(request.chat.target), describeForChat(request, subscription)]);
  },
};
