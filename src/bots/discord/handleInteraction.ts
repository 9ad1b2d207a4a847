// Routes one interaction: autocomplete to its suggestions, a slash command (after the access check) to its
// handler with the channel's subscription and languages worked out. Nothing escapes: a failure is logged and
// answered with an apology only the invoker sees.
//
// Languages: a channel's subscription has a language (zh-HK unless /lang or the CLI chose English; a /lang in a
// channel without one is remembered until it subscribes). Alerts and the public answers to subscription changes
// use it, since the whole channel reads them. Ephemeral answers are read by one person only, so they follow
// that person's Discord locale when it is Chinese (zh-*) or English (en-*), else the channel's language.
// Autocomplete follows the locale too, else Chinese (it must answer fast, so it does not look the channel up).
import type { AutocompleteInteraction, ChatInputCommandInteraction, Interaction } from 'discord.js';
import { findSubscription } from '../../services/subscriptions.ts';
import { MessageFlags } from 'discord.js';
import { checkAccess, isEditor } from './checkAccess.ts';
import { REVIEW_BUTTON_PATTERN } from '../describeProposal.ts';
import { handleReviewButton } from './commands/evidenceCommands.ts';
import { DISCORD_COMMANDS } from './commands/index.ts';
import { createReplier } from './createReplier.ts';
import { accessOf, type DiscordBotDeps } from './DiscordCommand.ts';
import { languageOfLocale } from './languageOfLocale.ts';
import { suggestBureaus } from './suggestBureaus.ts';
import { suggestCommitmentRefs, suggestMilestoneRefs } from './suggestRefs.ts';
import { textsFor, type CommandName } from './texts.ts';

export interface InteractionOptions {
  /** Defer a reply not sent after this long (Discord drops an interaction unanswered for 3 s). */
  deferAfterMs: number;
}

async function handleCommand(interaction: ChatInputCommandInteraction, deps: DiscordBotDeps, options: InteractionOptions): Promise<void> {
  const command = DISCORD_COMMANDS.get(interaction.commandName as CommandName);
  const access = command ? accessOf(command, interaction) : 'everyone';
  const reply = createReplier(interaction, { deferAfterMs: options.deferAfterMs, deferEphemeral: access !== 'manager', logger: deps.logger });
  let readerLanguage = languageOfLocale(interaction.locale) ?? 'zh-HK';
  try {
    if (!command) {
      deps.logger.warn({ command: interaction.commandName }, 'unknown Discord command (stale registration?)');
      return await reply.send({ content: textsFor(readerLanguage).unknownCommand, ephemeral: true });
    }
    const target = `discord:${interaction.channelId}`;
    const subscription = await findSubscription(deps.pool, target);
    const channelLanguage = subscription?.language ?? deps.languagePreferences.get(target) ?? 'zh-HK';
    readerLanguage = languageOfLocale(interaction.locale) ?? channelLanguage;
    const texts = textsFor(readerLanguage);
    const refusal = checkAccess(access, interaction, deps);
    if (refusal) return await reply.send({ content: texts[refusal], ephemeral: true });
    await command.run({ interaction, deps, target, subscription, now: deps.clock.now(), readerLanguage, channelLanguage, texts, reply });
  } catch (error) {
    deps.logger.error({ err: error, command: interaction.commandName, channelId: interaction.channelId }, 'Discord command failed');
    if (!reply.replied) await reply.send({ content: textsFor(readerLanguage).failed, ephemeral: true }).catch(() => undefined);
  } finally {
    reply.dispose();
  }
}

async function handleAutocomplete(interaction: AutocompleteInteraction, deps: DiscordBotDeps): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  const language = languageOfLocale(interaction.locale) ?? 'zh-HK';
  try {
    let choices: { name: string; value: string }[] = [];
    if (focused.name === 'bureau') {
      const name = interaction.commandName;
      // /unsubscribe offers what the channel follows, when it follows a list.
      const only = name === 'unsubscribe' ? ((await findSubscription(deps.pool, `discord:${interaction.channelId}`))?.bureaus ?? null) : null;
      choices = suggestBureaus(typed, language, { includeAll: name === 'subscribe' || name === 'unsubscribe', only });
    } else if (focused.name === 'ref') {
      choices = ['status', 'report', 'why'].includes(interaction.commandName) ? await suggestMilestoneRefs(deps.pool, typed, language) : await suggestCommitmentRefs(deps.pool, typed);
    }
    await interaction.respond(choices);
  } catch (error) {
    deps.logger.warn({ err: error, command: interaction.commandName, option: focused.name }, 'Discord autocomplete failed');
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
  }
}

export async function handleInteraction(interaction: Interaction, deps: DiscordBotDeps, options: InteractionOptions): Promise<void> {
  if (interaction.isAutocomplete()) return handleAutocomplete(interaction, deps);
  if (interaction.isChatInputCommand()) return handleCommand(interaction, deps, options);
  if (interaction.isButton() && REVIEW_BUTTON_PATTERN.test(interaction.customId)) {
    try {
      await handleReviewButton(interaction, deps, (pressed) => isEditor(pressed, deps), () => deps.onProposalDecided?.());
    } catch (error) {
      deps.logger.error({ err: error, customId: interaction.customId }, 'Discord button failed');
      if (!interaction.replied) await interaction.reply({ content: textsFor('zh-HK').failed, flags: MessageFlags.Ephemeral }).catch(() => undefined);
    }
  }
}
