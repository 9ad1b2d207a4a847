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
}
