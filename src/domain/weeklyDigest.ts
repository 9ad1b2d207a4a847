// The weekly digest as it is stored (the notification's JSON payload) and rendered by each channel. The
// composer (composeDigest) writes it at the slot; the delivery loop reads it back, perhaps days and releases
// later, so the stored shape has a schema: a payload it cannot read ends dead with the reason instead of
// failing inside a renderer.
import { z } from 'zod';
import type { ReaderLanguage } from './alertLabels.ts';
import type { ProvenanceInput } from './describeProvenance.ts';
import { MILESTONE_STATUSES, type MilestoneStatus } from './milestoneStatus.ts';

export const DIGEST_VERSION = 1;

export interface DigestBureau {
  code: string;
  zh: string;
  en: string;
}

interface DigestMilestoneFacts {
  ref: string;
  seq: number;
  /** Milestones of the commitment: with more than one, the ref needs its /seq. */
  milestoneCount: number;
  milestoneKind: 'deadline' | 'start';
  subject: string | null;
  /** The commitment's text, shortened to DIGEST_TEXT_MAX characters. */
  text: string;
  bureaus: string[];
  withRelevantBureaux: boolean;
}

export interface DigestItem extends DigestMilestoneFacts {
  due: string;
  status: MilestoneStatus;
  /** Days from the digest's date to the due date; negative when overdue. */
  daysLeft: number;
}

export type DigestChangeKind = 'met' | 'claimed' | 'rescheduled' | 'dropped' | 'reopened' | 'redated';

export interface DigestChange extends DigestMilestoneFacts {
  change: DigestChangeKind;
  status: MilestoneStatus;
  previousStatus: MilestoneStatus;
  due: string;
  previousDue: string | null;
  evidenceUrl: string | null;
  note: string | null;
  /** ISO instant, and its local date. */
  changedAt: string;
  changedOn: string;
  /** Who recorded it and from which source (editor, approved proposal, carried over, seeds). */
  provenance: ProvenanceInput | null;
}

export interface DigestCounts {
  /** Open milestones not yet past their date. */
  onTrack: number;
  /** Open milestones past their date. */
  overdue: number;
  met: number;
  claimed: number;
  dropped: number;
  /** Commitments without a dated milestone. */
  ongoing: number;
}

export interface DigestBureauTotals extends DigestBureau, DigestCounts {}

export interface DigestTotals extends DigestCounts {
  /** Open milestones due after the listed horizon (counted, not listed). */
  later: number;
}

export interface WeeklyDigest {
  version: typeof DIGEST_VERSION;
  subscriptionId: number | null;
  language: ReaderLanguage;
  /** ISO week of the digest's local date, e.g. "2024-W52". */
  week: string;
  /** ISO instant of the digest, its local date and zone. */
  at: string;
  today: string;
  timezone: string;
  /** ISO instant since which misses and changes are reported, and its local date. */
  since: string;
  sinceDate: string;
  horizonDays: number;
  scope: { all: boolean; bureaus: DigestBureau[]; refs: string[] };
  /** Open milestones due from today to the horizon, by date. */
  upcoming: DigestItem[];
  /** Open milestones whose date passed since the last digest, by date. */
  missed: DigestItem[];
  /** Every open milestone past its date, and the one with the earliest date. */
  overdue: { count: number; oldest: DigestItem | null };
  /** Status and date changes since the last digest, oldest first. */
  changes: DigestChange[];
  /** One line per bureau of the scope. */
  bureaus: DigestBureauTotals[];
  totals: DigestTotals;
  /** Nothing due within the horizon, nothing missed, nothing changed. */
  empty: boolean;
}

const status = z.enum(MILESTONE_STATUSES);
const bureau = z.object({ code: z.string(), zh: z.string(), en: z.string() });
const milestoneFacts = {
  ref: z.string(),
  seq: z.number().int(),
  milestoneCount: z.number().int(),
  milestoneKind: z.enum(['deadline', 'start']),
  subject: z.string().nullable(),
  text: z.string(),
  bureaus: z.array(z.string()),
  withRelevantBureaux: z.boolean(),
};
const item = z.object({ ...milestoneFacts, due: z.string(), status, daysLeft: z.number().int() });
const change = z.object({
  ...milestoneFacts,
  change: z.enum(['met', 'claimed', 'rescheduled', 'dropped', 'reopened', 'redated']),
  status,
  previousStatus: status,
  due: z.string(),
  previousDue: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  note: z.string().nullable(),
  changedAt: z.string(),
  changedOn: z.string(),
  provenance: z
    .object({
      actor: z.string(),
      source: z.string(),
      proposalId: z.number().int().nullable().optional(),
      proposer: z.string().nullable().optional(),
      proposerName: z.string().nullable().optional(),
      sourceDocumentKey: z.string().nullable().optional(),
      sourceDocumentTitle: z.string().nullable().optional(),
    })
    .nullable(),
});
const counts = {
  onTrack: z.number().int(),
  overdue: z.number().int(),
  met: z.number().int(),
  claimed: z.number().int(),
  dropped: z.number().int(),
  ongoing: z.number().int(),
};

/** The stored payload of a digest notification. */
export const weeklyDigestSchema = z.object({
  version: z.literal(DIGEST_VERSION),
  subscriptionId: z.number().int().nullable(),
  language: z.enum(['zh-HK', 'en']),
  week: z.string().regex(/^\d{4}-W\d{2}$/),
  at: z.string(),
  today: z.string(),
  timezone: z.string(),
  since: z.string(),
  sinceDate: z.string(),
  horizonDays: z.number().int(),
  scope: z.object({ all: z.boolean(), bureaus: z.array(bureau), refs: z.array(z.string()) }),
  upcoming: z.array(item),
  missed: z.array(item),
  overdue: z.object({ count: z.number().int(), oldest: item.nullable() }),
  changes: z.array(change),
  bureaus: z.array(bureau.extend(counts)),
  totals: z.object({ ...counts, later: z.number().int() }),
  empty: z.boolean(),
});

// The schema and the interfaces above describe the same shape (checked by the compiler both ways).
type Parsed = z.infer<typeof weeklyDigestSchema>;
const schemaMatchesInterface: (value: Parsed) => WeeklyDigest = (value) => value;
const interfaceMatchesSchema: (value: WeeklyDigest) => Parsed = (value) => value;
void schemaMatchesInterface;
void interfaceMatchesSchema;

/** Problem with a stored digest payload, naming the first field that does not fit. */
export class DigestPayloadError extends Error {
  constructor(readonly field: string, readonly problem: string) {
    super(`digest payload is not a readable weekly digest: ${field ? `${field}: ` : ''}${problem}`);
    this.name = 'DigestPayloadError';
  }
}

/** A stored payload as a digest this code can render, or a DigestPayloadError saying why not. */
export function readWeeklyDigest(value: unknown): WeeklyDigest | DigestPayloadError {
  const result = weeklyDigestSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  return new DigestPayloadError(issue.path.join('.'), issue.message);
}

/** Whether a stored payload is a digest this code can render. */
export function isWeeklyDigest(value: unknown): value is WeeklyDigest {
  return weeklyDigestSchema.safeParse(value).success;
}
