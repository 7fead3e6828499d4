import "server-only";
// The outputs a member can count as their own: those of every project they took part in with a
// place that counts for authorship, or that they lead. Shown on My research and in their data export.
import type { Actor } from "@/lib/auth/session";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import type { OutputOfProject } from "@/lib/validation/outputs";
import { EARNING_CREDIT } from "@/lib/participation/team";

export type MemberOutput = OutputOfProject;

/** The actor's projects' outputs, newest first. One statement whatever their number. */
export async function outputsForMember(actor: Actor): Promise<MemberOutput[]> {
  assertCan(actor, "profile.view", { ownerId: actor.id });
  const rows = await db.projectOutput.findMany({
    where: {
      project: {
        OR: [
          { leads: { some: { userId: actor.id } } },
          // As the authorship rule counts a place: credited, at a hospital that did not withdraw.
          { sites: { some: { collaborations: { some: { userId: actor.id, ...EARNING_CREDIT } } } } },
        ],
      },
    },
    orderBy: [{ date: "desc" }, { title: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, title: true, venue: true, date: true, doi: true, pmid: true, project: { select: { slug: true, title: true } } },
  });
  return rows.map(({ date, ...row }) => ({ ...row, date: date.toISOString().slice(0, 10) }));
}
