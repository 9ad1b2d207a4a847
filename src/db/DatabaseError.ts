// Errors from the database edge, each naming what the operator has to look at.
export class DatabaseConnectionError extends Error {
  constructor(
    readonly target: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot connect to the database at ${target}: ${reason}`, options);
    this.name = 'DatabaseConnectionError';
  }
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string | null,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(migration ? `migration ${migration}: ${reason}` : `migrations: ${reason}`, options);
    this.name = 'MigrationError';
  }
}

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
