import "server-only";
import { db } from "@/lib/db";

/** One trivial round-trip: the database answers. */
export async function databaseAnswers(): Promise<boolean> {
  const [row] = await db.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`;
  return row?.ok === 1;
}
