// policywatch evidence propose|list|approve|reject: evidence proposals from anyone, decided by editors.
import os from 'node:os';
import { decideProposal } from '../services/decideProposal.ts';
import { toLocalDate } from '../domain/zonedTime.ts';
import { listEvidenceProposals, type EvidenceProposal } from '../services/listEvidenceProposals.ts';
import { proposeEvidence } from '../services/proposeEvidence.ts';
import { withDatabase } from '../services/withDatabase.ts';
import type { CliContext, Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { UsageError } from './UsageError.ts';

const USAGE = [
  'policywatch evidence propose <ref>[/<n>] <met|claimed|progress|dropped> --url URL [--note TEXT] [--by NAME]',
  'policywatch evidence list [--all] [--json]',
  'policywatch evidence approve|reject <id> [--note TEXT] [--by NAME]',
].join('\n       ');

function whoAmI(by: string | undefined): string {
  return by?.trim() || os.userInfo().username;
}

/** One proposal as a line, its date in the tracker's zone (a proposal at 01:30 Hong Kong time is that day's). */
function describeProposal(p: EvidenceProposal, timezone: string): string {
  const ref = p.milestoneCount > 1 ? `${p.ref}/${p.seq}` : p.ref;
  const others = p.alsoProposedBy.length ? ` (+${p.alsoProposedBy.length}: ${p.alsoProposedBy.join(', ')})` : '';
  const decided = p.state === 'open' ? '' : ` · ${p.state} by ${p.decidedBy}${p.decisionNote ? ` (${p.decisionNote})` : ''}`;
  return `#${p.id} ${ref} → ${p.status} · ${p.url} · by ${p.proposerName ?? p.proposer}${others} · ${toLocalDate(p.createdAt, timezone)}${decided}${p.note ? `\n    ${p.note}` : ''}`;
}

async function propose(args: string[], { config, logger, clock, stdout }: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { url: { type: 'string' }, note: { type: 'string' }, by: { type: 'string' } }, USAGE);
  if (positionals.length !== 2) throw new UsageError('give a ref and a status', USAGE);
  if (!values.url) throw new UsageError('--url is required: the public source of the evidence', USAGE);
  const name = whoAmI(values.by);
  const receipt = await withDatabase(config, logger, (pool) =>
    proposeEvidence(
      pool,
      { ref: positionals[0]!, status: positionals[1]!, url: values.url!, note: values.note ?? null, proposer: `cli:${name}`, proposerName: name },
      { now: clock.now(), limits: { perPersonPerDay: config.evidence.perPersonPerDay } },
    ),
  );
  const ref = receipt.milestoneCount > 1 ? `${receipt.ref}/${receipt.seq}` : receipt.ref;
  stdout.write(
    receipt.merged
      ? `merged into open proposal #${receipt.id} (${ref} → ${receipt.status}); an editor will review it\n`
      : `proposal #${receipt.id}: ${ref} → ${receipt.status}; an editor will review it\n`,
  );
  return 0;
}

async function list(args: string[], { config, logger, stdout }: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, all: { type: 'boolean' } }, USAGE);
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, USAGE);
  const proposals = await withDatabase(config, logger, (pool) => listEvidenceProposals(pool, { state: values.all ? 'all' : 'open' }));
  if (values.json) {
    stdout.write(`${JSON.stringify(proposals, null, 2)}\n`);
    return 0;
  }
  stdout.write(proposals.length ? `${proposals.map((p) => describeProposal(p, config.timezone)).join('\n')}\n` : values.all ? 'no proposals\n' : 'no open proposals\n');
  return 0;
}

async function decide(approve: boolean, args: string[], { config, logger, clock, stdout }: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { note: { type: 'string' }, by: { type: 'string' } }, USAGE);
  if (positionals.length !== 1 || !/^#?\d+$/.test(positionals[0]!)) throw new UsageError('give the proposal id (policywatch evidence list shows them)', USAGE);
  const name = whoAmI(values.by);
  // Without a configured list, whoever runs the command line is the operator and decides; with one, only those names.
  if (config.evidence.cliEditors.length && !config.evidence.cliEditors.includes(name)) {
    throw new UsageError(`${name} is not an editor (evidence.cliEditors: ${config.evidence.cliEditors.join(', ')})`, USAGE);
  }
  const outcome = await withDatabase(config, logger, (pool) =>
    decideProposal(pool, { proposalId: Number(positionals[0]!.replace('#', '')), approve, editor: `cli:${name}`, note: values.note ?? null, via: 'cli' }, clock.now()),
  );
  const p = outcome.proposal;
  stdout.write(
    `proposal #${p.id} ${p.state}: ${p.ref}/${p.seq} ${approve ? `is now ${p.milestoneStatus}` : `stays ${p.milestoneStatus}`}` +
      `${outcome.supersededAlerts ? `; ${outcome.supersededAlerts} queued alert(s) superseded` : ''}` +
      `${p.replyTarget ? '; the proposer will be told by the bot' : ''}\n`,
  );
  return 0;
}

export const runEvidence: Command = async (args, context) => {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h') {
    context.stdout.write(`${USAGE}\n  Proposals wait for an editor; approval records the status with its evidence and the approver.\n`);
    return sub ? 0 : 2;
  }
  switch (sub) {
    case 'propose':
      return propose(rest, context);
    case 'list':
      return list(rest, context);
    case 'approve':
      return decide(true, rest, context);
    case 'reject':
      return decide(false, rest, context);
    default:
      throw new UsageError(`unknown evidence command "${sub}"`, USAGE);
  }
};
