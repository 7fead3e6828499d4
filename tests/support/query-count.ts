import { statementsSoFar } from "@/lib/database/statement-count";

/** How many SQL statements `work` sent. Tests in a file run one at a time, so the count is theirs. */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = statementsSoFar();
  const result = await work();
  return { result, statements: statementsSoFar() - before };
}
