import "server-only";
// The project lead's approval of a site is the governance checklist checked in full
// (docs/decisions/034): the site lead records each item in ./governance.ts, and the lead's
// "Approve" checks every item recorded. Nothing here writes the old approval columns.
import type { AuthzActor } from "@/lib/authz";
import { checkAllSiteItems } from "./governance";

/**
 * The project lead approves a site: checks every item it has recorded. Approving twice is
 * harmless: the second press finds everything checked, changes nothing and says so. Refuses,
 * saying which, while an item is missing or sent back.
 */
export async function approveSite(actor: AuthzActor | null, projectSiteId: string): Promise<{ alreadyApproved: boolean; hospital: string; path: string }> {
  const result = await checkAllSiteItems(actor, projectSiteId);
  return { alreadyApproved: result.checked === 0, hospital: result.hospital, path: result.path };
}
