// Autocomplete choices for a ref option: commitments for /show, their milestones for /status (a commitment with
// several dated milestones needs "/n" to name one).
import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { Pool } from '../../services/database.ts';
import { labelsFor, type ReaderLanguage } from '../../domain/alertLabels.ts';
import { DISCORD_LIMITS } from '../../notify/discord/discordLimits.ts';
import { shortenText, utf16Units } from '../../domain/shortenText.ts';
import { searchCommitments } from '../../services/searchCommitments.ts';
import { searchMilestones } from '../../services/searchMilestones.ts';
import { formatMilestoneRef } from '../formatDueLine.ts';

export async function suggestCommitmentRefs(pool: Pool, typed: string): Promise<APIApplicationCommandOptionChoice<string>[]> {
  const found = await searchCommitments(pool, typed, DISCORD_LIMITS.choices);
  return found.map((item) => ({ name: shortenText(`${item.ref} · ${item.text}`, DISCORD_LIMITS.choiceName, { measure: utf16Units }), value: item.ref }));
}

export async function suggestMilestoneRefs(pool: Pool, typed: string, language: ReaderLanguage): Promise<APIApplicationCommandOptionChoice<string>[]> {
  const labels = labelsFor(language);
  const found = await searchMilestones(pool, typed, DISCORD_LIMITS.choices);
  return found.map((item) => {
    // "/n" whenever the commitment has several milestones, so the choice is never ambiguous.
    const ref = item.count > 1 ? `${item.ref}/${item.seq}` : formatMilestoneRef(item.ref, item.seq);
    return { name: shortenText(`${ref} · ${item.due} · ${labels.status[item.status]} · ${item.text}`, DISCORD_LIMITS.choiceName, { measure: utf16Units }), value: ref };
  });
}
