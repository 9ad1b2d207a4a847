// A channel's subscription as an embed: what it covers, its switches, language, mute, and its target.
import type { APIEmbed } from 'discord.js';
import type { SubscriptionRow } from '../../services/subscriptions.ts';
import type { ReaderLanguage } from '../../domain/alertLabels.ts';
import { describeSubscription } from '../describeSubscription.ts';
import { textsFor } from './texts.ts';

export const SUBSCRIPTION_COLOUR = 0x5865f2;

export function describeChannelSubscription(row: SubscriptionRow, language: ReaderLanguage, options: { now: Date; timezone: string }): APIEmbed {
  const lines = describeSubscription(row, language, options);
  return { title: textsFor(language).subscriptionHeading, description: [...lines, `\`${row.target}\``].join('\n'), color: SUBSCRIPTION_COLOUR };
}
