// policywatch carried-over [--json]: commitments a later document restates, with the slip of their dates.
// policywatch link remove <old-ref> <new-ref> [--by NAME]: an editor undoes a link.
import os from 'node:os';
import { listCarriedOver, removeCarryOverLink } from '../services/carriedOver.ts';
import { withDatabase } from '../services/withDatabase.ts';
import type { Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { UsageError } from './UsageError.ts';

const LIST_USAGE = 'policywatch carried-over [--json]';
const LINK_USAGE = 'policywatch link remove <old-ref> <new-ref> [--by NAME]';

export const runCarriedOver: Command = async (args, { config, logger, stdout }) => {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, LIST_USAGE);
  if (values.help) {
    stdout.write(`${LIST_USAGE}\n  Lists old ref, new ref, old due, new due and days slipped of every carry-over link.\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, LIST_USAGE);
  const links = await withDatabase(config, logger, (pool) => listCarriedOver(pool));
  if (values.json) {
    const rows = links.map((l) => ({
      oldRef: l.oldSeq && l.oldSeq > 1 ? `${l.oldRef}/${l.oldSeq}` : l.oldRef,
      newRef: l.newSeq && l.newSeq > 1 ? `${l.newRef}/${l.newSeq}` : l.newRef,
      oldDocument: l.oldDocument,
      newDocument: l.newDocument,
      oldDue: l.oldDue,
      newDue: l.newDue,
      daysSlipped: l.daysSlipped,
      similarity: Math.round(l.similarity * 100) / 100,
    }));
    stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (!links.length) {
    stdout.write('no carried-over commitments\n');
    return 0;
  }
  stdout.write(`${'old ref'.padEnd(16)}${'new ref'.padEnd(16)}${'old due'.padEnd(12)}${'new due'.padEnd(12)}slipped\n`);
  for (const l of links) {
    const slipped = l.daysSlipped === null ? '—' : `${l.daysSlipped} days`;
    stdout.write(`${l.oldRef.padEnd(16)}${l.newRef.padEnd(16)}${(l.oldDue ?? '—').padEnd(12)}${(l.newDue ?? '—').padEnd(12)}${slipped}\n`);
  }
  return 0;
};

export const runLink: Command = async (args, { config, logger, clock, stdout }) => {
  const { values, positionals } = parseCommandArgs(args, { by: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, LINK_USAGE);
  if (values.help) {
    stdout.write(`${LINK_USAGE}\n  Undoes a carry-over link; a milestone it rescheduled goes back to its own date. A removed link is not made again.\n`);
    return 0;
  }
  if (positionals[0] !== 'remove' || positionals.length !== 3) throw new UsageError('give "remove", the old ref and the new ref', LINK_USAGE);
  const name = values.by?.trim() || os.userInfo().username;
  if (config.evidence.cliEditors.length && !config.evidence.cliEditors.includes(name)) {
    throw new UsageError(`${name} is not an editor (evidence.cliEditors: ${config.evidence.cliEditors.join(', ')})`, LINK_USAGE);
  }
  const removal = await withDatabase(config, logger, (pool) =>
    removeCarryOverLink(pool, positionals[1]!, positionals[2]!, { editor: `cli:${name}`, source: 'cli', at: clock.now() }),
  );
  stdout.write(
    `link ${removal.link.oldRef} → ${removal.link.newRef} removed` +
      `${removal.restored ? `; ${removal.link.oldRef} is due ${removal.link.oldDue} again` : ''}\n`,
  );
  return 0;
};
