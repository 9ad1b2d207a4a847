// A problem in one of the editor-maintained seed files (manifest, overrides, statuses), naming the file
// and the field or line so the editor can go straight to it.
export class SeedFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    readonly problem: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${problem}`);
    this.name = 'SeedFileError';
  }
}
