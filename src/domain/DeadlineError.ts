// A deadline phrase that cannot be turned into a date, e.g. "未來五年內" with no publication date
// to count from. `index` is the phrase's offset in the text given to parseDeadlines, so a caller
// that joined lines can point at the right source line.

export class DeadlineError extends Error {
  readonly phrase: string;
  readonly index: number;
  readonly problem: string;

  constructor(fields: { phrase: string; index: number; problem: string }) {
    super(fields.phrase === '' ? fields.problem : `"${fields.phrase}": ${fields.problem}`);
    this.name = 'DeadlineError';
    this.phrase = fields.phrase;
    this.index = fields.index;
    this.problem = fields.problem;
  }
}
