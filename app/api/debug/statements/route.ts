import { statementsSoFar } from "@/lib/database/statement-count";
import { settings } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * The process's SQL statement count, for the query budget measured by the
 * benchmark and the end-to-end suite. Exists only when RADIANT_BENCH=1.
 */
export function GET() {
  if (settings().RADIANT_BENCH !== "1") return new Response("Not found", { status: 404 });
  return Response.json({ statements: statementsSoFar() });
}
