// A document that cannot be extracted. The message reads like a compiler's
// ("seeds/x.txt: line 12: …") so it can be printed as is by the CLI.

export class DocumentError extends Error {
  readonly file: string | null;
  readonly line: number | null;
  readonly problem: string;

  constructor(fields: { file?: string | null; line?: number | null; problem: string }) {
    const file = fields.file ?? null;
    const line = fields.line ?? null;
    const where = [file, line === null ? null : `line ${line}`].filter((part) => part !== null);
    super([...where, fields.problem].join(': '));
    this.name = 'DocumentError';
    this.file = file;
    this.line = line;
    this.problem = fields.problem;
  }
}
