import "server-only";
import type { Actor } from "@/lib/auth/session";
import { discoverProjects } from "@/lib/trainees/discover";
import { getOwnProfile } from "@/lib/trainees/profile";
import { missingForJoining, missingMessage } from "@/lib/trainees/missing";
import { projectSearchSchema } from "@/lib/validation/projects";

/** What the trainee's part of the dashboard shows (components/trainees/trainee-dashboard.tsx). */
export async function loadTraineeDashboard(actor: Actor, searchParams: Promise<Record<string, string | string[] | undefined>>) {
  const search = projectSearchSchema.parse(await searchParams);
  const [profile, discover] = await Promise.all([getOwnProfile(actor), discoverProjects(actor, search)]);
  const missing = missingForJoining(profile);
  return { search, discover, missing: missing.length > 0 ? missingMessage(missing) : null };
}
