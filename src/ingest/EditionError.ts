// An edition that cannot be attached to its document: the file, the document and what is wrong, with
// the first commitment that differs when the texts do not pair. Nothing is stored when it is thrown.

export class EditionError extends Error {
  readonly file: string;
  readonly documentKey: string;
  readonly problem: string;
  /** 1-based position of the first commitment that differs, when the pairing failed on one. */
  readonly position: number | null;
  readonly ref: string | null;

  constructor(fields: { file: string; documentKey: string; problem: string; position?: number | null; ref?: string | null }) {
    super(`${fields.file}: cannot attach to ${fields.documentKey}: ${fields.problem}`);
    this.name = 'EditionError';
    this.file = fields.file;
    this.documentKey = fields.documentKey;
    this.problem = fields.problem;
    this.position = fields.position ?? null;
    this.ref = fields.ref ?? null;
  }
}
