// A site's governance checklist as the tests need it (lib/sites/governance.ts).
import { db } from "@/lib/db";
import type { GovernanceItemState, GovernanceRoute } from "@/lib/generated/prisma/enums";
import { GOVERNANCE_ROUTES } from "@/lib/sites/governance";

/** Records every item the route asks of the site, in the given state (checked by `checkedById` unless only recorded). */
export async function seedChecklist(
  projectSiteId: string,
  options: { route?: GovernanceRoute; state?: GovernanceItemState; checkedById?: string | null; recordedById?: string | null } = {},
) {
  const state = options.state ?? "CHECKED";
  await db.siteGovernanceItem.createMany({
    data: GOVERNANCE_ROUTES[options.route ?? "LOCAL_REGISTRATION"].site.map((kind) => ({
      projectSiteId,
      kind,
      reference: kind === "CALDICOTT_APPROVAL" ? "Caldicott Guardian sign-off" : "AUD-2026-0001",
      date: new Date("2026-08-01"),
      recordedById: options.recordedById ?? null,
      state,
      checkedById: state === "RECORDED" ? null : (options.checkedById ?? null),
      checkedAt: state === "RECORDED" ? null : new Date("2026-08-02T10:00:00Z"),
      sentBackReason: state === "SENT_BACK" ? "Not the right letter" : null,
    })),
  });
}

/** Records the project's own items (IRAS number, REC reference) for a research project. */
export async function seedProjectItems(projectId: string, recordedById: string | null = null) {
  await db.projectGovernanceItem.createMany({
    data: [
      { projectId, kind: "IRAS_NUMBER", reference: "1234567", date: new Date("2026-07-01"), recordedById },
      { projectId, kind: "REC_REFERENCE", reference: "26/LO/0001", date: new Date("2026-07-02"), recordedById },
    ],
  });
}
