// The zod schemas that validate every /api/v1 response; the OpenAPI document is generated from these same
// schemas, so the documentation cannot drift from what is served.
import { z } from 'zod';
import { MILESTONE_STATUSES } from '../../domain/milestoneStatus.ts';
import { TRACKER_STATUSES } from '../../domain/trackerStatus.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ format: 'date' });
const instant = z.string().meta({ format: 'date-time' });
const trackerStatus = z.enum(TRACKER_STATUSES);

export const BureauSchema = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    registered: z.boolean().describe('false for a name a document used that is not in the registry'),
    commitments: z.number().int(),
    counts: z.record(z.string(), z.number().int()).describe('milestones per tracker status, plus ongoing commitments'),
  })
  .meta({ id: 'Bureau' });

export const DocumentSchema = z
  .object({
    key: z.string(),
    title: z.string(),
    chapter: z.string().nullable(),
    language: z.string(),
    published: date.nullable(),
    sourceUrl: z.string().nullable(),
    commitments: z.number().int(),
    milestones: z.number().int(),
    versions: z.array(z.object({ sha256: z.string(), loadedAt: instant, commitmentCount: z.number().int(), milestoneCount: z.number().int() })),
  })
  .meta({ id: 'Document' });

export const MilestoneSchema = z
  .object({
    id: z.number().int(),
    ref: z.string(),
    seq: z.number().int(),
    kind: z.enum(['deadline', 'start']),
    phrase: z.string(),
    subject: z.string().nullable(),
    due: date,
    status: z.enum(MILESTONE_STATUSES),
    trackerStatus,
    evidenceUrl: z.string().nullable(),
  })
  .meta({ id: 'Milestone' });

export const CommitmentSchema = z
  .object({
    ref: z.string(),
    text: z.string(),
    language: z.string(),
    document: z.string(),
    headings: z.array(z.string()),
    bureaus: z.array(z.string()),
    withRelevantBureaux: z.boolean(),
    status: trackerStatus.describe('the most pressing status of its milestones; ongoing when it has none'),
    milestones: z.array(MilestoneSchema),
    url: z.string(),
  })
  .meta({ id: 'Commitment' });

export const StatusHistoryEntrySchema = z
  .object({
    id: z.number().int(),
    ref: z.string(),
    seq: z.number().int(),
    status: z.string(),
    due: date,
    previousStatus: z.string().nullable(),
    previousDue: date.nullable(),
    source: z.string(),
    note: z.string().nullable(),
    evidenceUrl: z.string().nullable(),
    changedAt: instant,
  })
  .meta({ id: 'StatusHistoryEntry' });

export const CommitmentDetailSchema = CommitmentSchema.extend({
  withdrawn: z.boolean(),
  history: z.array(StatusHistoryEntrySchema.omit({ id: true, ref: true })),
  carryOvers: z.array(z.object({ ref: z.string(), direction: z.enum(['from', 'to']) })),
}).meta({ id: 'CommitmentDetail' });

export const CarryOverSchema = z.object({ from: z.string(), to: z.string() }).meta({ id: 'CarryOver' });

export const ErrorSchema = z.object({ error: z.string() }).meta({ id: 'Error' });

export function pageSchema<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      next: z.string().nullable().describe('cursor of the next page; null on the last page'),
      links: z.object({ next: z.string().nullable() }),
    })
    .meta({ id });
}

export const BureauListSchema = z.object({ data: z.array(BureauSchema) }).meta({ id: 'BureauList' });
export const DocumentListSchema = z.object({ data: z.array(DocumentSchema) }).meta({ id: 'DocumentList' });
export const CommitmentPageSchema = pageSchema(CommitmentSchema, 'CommitmentPage');
export const MilestonePageSchema = pageSchema(MilestoneSchema, 'MilestonePage');
export const StatusHistoryPageSchema = pageSchema(StatusHistoryEntrySchema, 'StatusHistoryPage');
export const CarryOverListSchema = z.object({ data: z.array(CarryOverSchema) }).meta({ id: 'CarryOverList' });
