// policywatch show <ref> [--lang zh|en] [--json]: a commitment, its milestones with their history (each entry
// saying where it came from) and its carry-over links.
import { openDatabase } from '../services/database.ts';
import { describeProvenance } from '../domain/describeProvenance.ts';
import { getCommitmentDetails } from '../services/getCommitmentDetails.ts';
import { parseMilestoneRef } from '../services/parseMilestoneRef.ts';
import type { Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { UsageError } from './UsageError.ts';

const USAGE = 'policywatch show <ref> [--lang zh|en] [--json]';

export const runShow: Command = async (args, { config, logger, stdout }) => {
  const { values, positionals } = parseCommandArgs(
    args,
    { json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    USAGE,
  );
  if (values.help) {
    stdout.write(`${USAGE}\n  A commitment: its texts, bureaux, and milestones with status and history.\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one ref' : 'missing <ref>', USAGE);
  if (values.lang !== undefined && !['zh', 'zh-Hant', 'zh-HK', 'en'].includes(values.lang)) {
    throw new UsageError(`--lang must be zh or en, not "${values.lang}"`, USAGE);
  }
  let ref: string;
  try {
    ref = parseMilestoneRef(positionals[0]!).ref;
  } catch (error) {
    throw new UsageError((error as Error).message, USAGE);
  }
  const db = await openDatabase(config, logger);
  try {
    const details = await getCommitmentDetails(db.pool, ref, values.lang ?? 'zh');
    if (!details) throw new UsageError(`no commitment ${ref}`, USAGE);
    if (values.json) {
      stdout.write(`${JSON.stringify(details, null, 2)}\n`);
      return 0;
    }
    const lines = [
      `${details.ref}${details.withdrawn ? ' (withdrawn)' : ''}\t${details.bureaus.join(', ')}${details.withRelevantBureaux ? ' + relevant bureaux' : ''}`,
      ...(details.headings.length ? [details.headings.join(' > ')] : []),
      details.text,
      ...Object.entries(details.texts).filter(([, text]) => text !== details.text).map(([lang, text]) => `[${lang}] ${text}`),
      `document: ${details.document.key} — ${details.document.title}${details.document.published ? ` (${details.document.published})` : ''}`,
    ];
    if (!details.milestones.length) lines.push('no dated milestone (ongoing)');
    for (const m of details.milestones) {
      lines.push(`${details.ref}/${m.seq}\t${m.kind === 'start' ? 'from ' : ''}${m.due}\t${m.status}${m.withdrawn ? ' (withdrawn)' : ''}\t"${m.phrase}"${m.evidenceUrl ? `\t${m.evidenceUrl}` : ''}`);
      for (const h of m.history) {
        // Where the status came from: editor, approved proposal, carried over from a document, seeds.
        lines.push(
          `  ${h.changedAt.toISOString()}\t${h.previousStatus ? `${h.previousStatus} -> ` : ''}${h.status}\t${h.due}\t${describeProvenance(h, 'en')}` +
            `${h.evidenceUrl ? `\t${h.evidenceUrl}` : ''}${h.note ? `\t${h.note}` : ''}`,
        );
      }
    }
    for (const link of details.links) {
      const slip = link.daysSlipped !== null ? `, ${link.oldDue} -> ${link.newDue} (${link.daysSlipped} days)` : '';
      lines.push(link.direction === 'from' ? `restates ${link.ref} (${link.document})${slip}` : `carried over to ${link.ref} (${link.document})${slip}`);
    }
    stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await db.close();
  }
};
