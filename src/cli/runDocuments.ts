// policywatch documents [--json] and policywatch withdraw <key>
import { openDatabase } from '../services/database.ts';
import { listDocumentsWithEditions, withdrawDocumentByKey } from '../services/documents.ts';
import type { Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { UsageError } from './UsageError.ts';

const DOCUMENTS_USAGE = 'policywatch documents [--json]';
const WITHDRAW_USAGE = 'policywatch withdraw <document key>';

export const runDocuments: Command = async (args, { config, logger, stdout }) => {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, DOCUMENTS_USAGE);
  if (values.help) {
    stdout.write(`${DOCUMENTS_USAGE}\n  Each stored document with its editions, counts and last load.\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, DOCUMENTS_USAGE);
  const db = await openDatabase(config, logger);
  try {
    const documents = await listDocumentsWithEditions(db.pool);
    if (values.json) {
      stdout.write(`${JSON.stringify(documents, null, 2)}\n`);
      return 0;
    }
    if (!documents.length) stdout.write('no documents stored (policywatch load)\n');
    for (const d of documents) {
      const editions = d.editions.map((e) => `${e.language} (${e.commitmentCount}, loaded ${e.loadedAt.toISOString()})`).join(', ');
      stdout.write(
        `${d.key}${d.withdrawnAt ? ' [withdrawn]' : ''}\t${d.title}\n` +
          `  chapter ${d.chapter ?? '-'}, published ${d.published ?? '-'}, ${d.commitments} commitments (${d.withdrawnCommitments} withdrawn), ` +
          `${d.milestones} milestones (${d.openMilestones} open), ${d.versions} version(s), last load ${d.loadedAt.toISOString()}\n` +
          `  editions: ${editions || d.language}\n`,
      );
    }
    return 0;
  } finally {
    await db.close();
  }
};

export const runWithdraw: Command = async (args, { config, logger, clock, stdout }) => {
  const { values, positionals } = parseCommandArgs(args, { help: { type: 'boolean', short: 'h' } }, WITHDRAW_USAGE);
  if (values.help) {
    stdout.write(`${WITHDRAW_USAGE}\n  Withdraws a document and its commitments: no more alerts; refs, statuses and history are kept.\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one document key' : 'missing <document key>', WITHDRAW_USAGE);
  const db = await openDatabase(config, logger);
  try {
    const result = await withdrawDocumentByKey(db.pool, positionals[0]!, clock.now());
    stdout.write(result.already && !result.commitments ? `${result.key} was already withdrawn\n` : `withdrew ${result.key}: ${result.commitments} commitments\n`);
    return 0;
  } finally {
    await db.close();
  }
};
