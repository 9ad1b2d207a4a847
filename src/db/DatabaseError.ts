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

/** A database operation that failed part-way (its connection dropped, the server stopped): nothing of it was kept. */
export class DatabaseOperationError extends Error {
  constructor(
    readonly operation: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${operation}: ${reason}`, options);
    this.name = 'DatabaseOperationError';
  }
}
