import { currentActor } from "@/lib/auth/session";
import { exportMyData } from "@/lib/privacy/export";

export const dynamic = "force-dynamic";

export async function GET() {
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to download your data.", { status: 401 });
  const data = await exportMyData(actor);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="radiant-my-data.json"',
      "Cache-Control": "no-store",
    },
  });
}
