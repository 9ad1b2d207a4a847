// Lets one replica at a time do a piece of start-up work that talks to a platform (e.g. the command menu).
export { withAdvisoryLock as takeTurns } from '../db/advisoryLocks.ts';
