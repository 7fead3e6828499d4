import { databaseAnswers } from "@/lib/stats/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await databaseAnswers().catch(() => false);
  return Response.json({ status: ok ? "ok" : "database unavailable" }, { status: ok ? 200 : 503 });
}
