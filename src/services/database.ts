// What front-ends need of the database without touching db/: opening it (pool + migrations) for a command,
// and the pool's type to pass to services.
export type { Pool } from '../db/createPool.ts';
export { openDatabase, type Database } from '../db/openDatabase.ts';
export { runMigrations } from '../db/runMigrations.ts';
