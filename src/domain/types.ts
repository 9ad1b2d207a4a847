// Shapes shared by the pure core. Dates are plain calendar dates as "YYYY-MM-DD" strings: a promise is
// made for a day, not an instant, so no time zone is attached until the alert policy schedules it.

export type DocumentLanguage = 'zh-Hant' | 'en';
export type MilestoneKind = 'deadline' | 'start';

export interface ExtractedMilestone {
  /** Calendar date, YYYY-MM-DD. */
  due: string;
  kind: MilestoneKind;
  /** The source words the date was read from, so a reader can check it. */
  phrase: string;
  /** What this date is for, when one sentence carries several dates ("A及B分別…X及Y"). */
  subject: string | null;
}

export interface ExtractedCommitment {
  ref: string;
  headings: string[];
  text: string;
  bureaus: string[];
  withRelevantBureaux: boolean;
  milestones: ExtractedMilestone[];
  /**
   * Its number in an indicator list: "4" for the item "4. …", "4.2" for the second bullet under the
   * numbered heading "4. …："; absent in layouts without numbers.
   */
  label?: string;
}

export interface ExtractionWarning {
  line: number;
  message: string;
}

export interface ExtractedDocumentInfo {
  title: string;
  chapter: string | null;
  language: DocumentLanguage;
  /** Publication date, or null when neither the caller nor the manifest knows it. */
  published: string | null;
  sha256: string;
}

export interface ExtractedDocument {
  document: ExtractedDocumentInfo;
  commitments: ExtractedCommitment[];
  warnings: ExtractionWarning[];
  /** What needs a human eye; present when the extraction was asked for a review. */
  review?: ReviewNote[];
}

/**
 * One thing `extract --review` lists: a commitment without a bureau, a bureau name not in the
 * registry, a date-like phrase the grammar could not place, or a number it read as a non-date near
 * date words.
 */
export type ReviewKind = 'no-bureau' | 'unknown-bureau' | 'unplaced-date' | 'non-date-number';

export interface ReviewNote {
  kind: ReviewKind;
  line: number;
  ref: string;
  /** The words concerned, as written (an excerpt for no-bureau). */
  words: string;
  message: string;
}
