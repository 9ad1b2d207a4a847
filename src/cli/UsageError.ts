// A mistake in how a command was called: reported with the command's usage line, exit status 2.
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string | null = null,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
