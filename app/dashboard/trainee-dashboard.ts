import "server-only";
import type { Actor } from "@/lib/auth/session";
import { discoverProjects } from "@/lib/trainees/discover";
import { missingMessage } from "@/lib/trainees/missing";
import type { DashboardSummary } from "@/lib/users/dashboard";
import { projectSearchSchema } from "@/lib/validation/projects";

/**
 * What the trainee's part of the dashboard shows (components/trainees/trainee-dashboard.tsx); what
 * the profile lacks comes from the dashboard's summary, which reads the profile already.
 */
export async function loadTraineeDashboard(actor: Actor, searchParams: Promise<Record<string, string | string[] | undefined>>, summary: Promise<DashboardSummary>) {
  const search = projectSearchSchema.parse(await searchParams);
  const [{ missingForJoining: missing }, discover] = await Promise.all([summary, discoverProjects(actor, search)]);
  return { search, discover, missing: missing.length > 0 ? missingMessage(missing) : null };
}
