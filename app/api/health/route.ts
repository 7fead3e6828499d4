import { health } from "@/lib/stats/health";

export const dynamic = "force-dynamic";

/** For load balancers and monitoring: 200 when the database and the job queue answer, else 503. */
export async function GET() {
  const report = await health();
  return Response.json(
    { status: report.ok ? "ok" : "unavailable", database: report.database, jobQueue: report.jobQueue },
    { status: report.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
