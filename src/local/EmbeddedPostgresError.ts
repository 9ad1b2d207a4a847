// Why the local PostgreSQL could not be started, naming its data directory.
export class EmbeddedPostgresError extends Error {
  constructor(
    readonly dataDir: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`embedded PostgreSQL (${dataDir}): ${reason}`, options);
    this.name = 'EmbeddedPostgresError';
  }
}
