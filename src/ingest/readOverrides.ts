// Editor corrections by ref (seeds/overrides.yaml), validated before anything is written.
import { z } from 'zod';
import { findBureau } from '../domain/bureaus.ts';
import { isCalendarDate } from '../domain/calendarDate.ts';
import { readYamlFile } from './readYamlFile.ts';

const bureau = z.string().transform((name, ctx) => {
  const found = findBureau(name);
  if (!found) {
    ctx.addIssue({ code: 'custom', message: `unknown bureau "${name}" (use a code such as DEVB, or a Chinese or English name)` });
    return z.NEVER;
  }
  return found.code;
});

const milestone = z.object({
  due: z
    .union([z.string(), z.date()])
    .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
    .refine(isCalendarDate, 'a real date YYYY-MM-DD'),
  kind: z.enum(['deadline', 'start']).default('deadline'),
  phrase: z.string().min(1, 'the source of the date (what the editor relied on)'),
  subject: z.string().min(1).nullable().default(null),
});

const overrideSchema = z
  .object({
    ref: z.string().regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*-\d+$/, 'a commitment ref such as PA2024-7-03'),
    bureaus: z.array(bureau).min(1).optional(),
    addBureaus: z.array(bureau).min(1).optional(),
    withRelevantBureaux: z.boolean().optional(),
    milestones: z.array(milestone).optional(),
    addMilestones: z.array(milestone).min(1).optional(),
    note: z.string().optional(),
  })
  .strict();

const fileSchema = z.object({ overrides: z.array(overrideSchema).default([]) }).strict();

export type Override = z.infer<typeof overrideSchema>;

export async function readOverrides(file: string): Promise<Override[]> {
  return (await readYamlFile(file, fileSchema)).overrides;
}
