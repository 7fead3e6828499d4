// The process's count of SQL statements, for the query budgets of the tests and the
// benchmark. Apart from lib/db so that a route can read it without the database client.

// On globalThis because Next.js bundles each route separately, each with its
// own copy of this module: the count must be the process's, not the bundle's.
const statementCounter = globalThis as unknown as { radiantStatements?: number };

/** SQL statements sent by every client of this process so far. */
export function statementsSoFar(): number {
  return statementCounter.radiantStatements ?? 0;
}

/** Counts one statement; the database client calls it for each query it sends. */
export function countStatement(): void {
  statementCounter.radiantStatements = statementsSoFar() + 1;
}
