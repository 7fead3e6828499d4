import "server-only";
import { assertCan, can, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { SiteMoveName } from "@/lib/validation/sites";
import { authzFacts, loadProjectSiteByAddress, targetOf, type ProjectSiteFacts } from "./facts";
import { elapsedShare } from "./national";
import { siteHistory, type ProgressEntry } from "./progress";
import { siteMovesFrom } from "./status";

export interface NationalPicture {
  /** Sites taking part (withdrawn ones aside). */
  sites: number;
  cases: number;
  target: number;
  /** The middle site's share of its target, 0–1; null when no site has a target. */
  medianShare: number | null;
  /** This site's place by cases (1 = most), ties sharing a place. */
  rank: number;
}

export interface SiteOverview {
  facts: ProjectSiteFacts;
  target: number | null;
  cases: number;
  expected: number;
  teamSize: number;
  requests: number;
  history: ProgressEntry[];
  national: NationalPicture;
  moves: SiteMoveName[];
  canChangeStatus: boolean;
  canApprove: boolean;
  isSiteLead: boolean;
}

/**
 * A site's page: its status and approvals, and where it stands against the
 * national picture. Three statements whatever the number of sites.
 */
export async function getSiteOverview(actor: AuthzActor | null, slug: string, odsCode: string, now: Date = new Date()): Promise<SiteOverview> {
  const facts = await loadProjectSiteByAddress(slug, odsCode);
  assertCan(actor, "site.view", authzFacts(facts));
  const [[picture], history] = await Promise.all([
    db.$queryRaw<(NationalPicture & { teamSize: number; requests: number })[]>`
      WITH per_site AS (
        SELECT ps.id, COALESCE(ps."caseTarget", p."targetCasesPerSite", 0) AS target, COALESCE(latest."cumulativeCases", 0) AS cases
          FROM "ProjectSite" ps
          JOIN "Project" p ON p.id = ps."projectId"
          LEFT JOIN LATERAL (
            SELECT r."cumulativeCases" FROM "ProgressReport" r
             WHERE r."projectSiteId" = ps.id ORDER BY r."reportedAt" DESC, r.id DESC LIMIT 1
          ) latest ON true
         WHERE ps."projectId" = ${facts.project.id}::uuid AND ps.status <> 'WITHDRAWN'
      )
      SELECT count(*)::int AS sites,
             COALESCE(sum(cases), 0)::int AS cases,
             COALESCE(sum(target), 0)::int AS target,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN target > 0 THEN cases::float8 / target END) AS "medianShare",
             (1 + count(*) FILTER (WHERE cases > COALESCE((SELECT cases FROM per_site WHERE id = ${facts.id}::uuid), 0)))::int AS rank,
             (SELECT count(*)::int FROM "Collaboration" c WHERE c."projectSiteId" = ${facts.id}::uuid AND c.status = 'CONFIRMED') AS "teamSize",
             (SELECT count(*)::int FROM "Collaboration" c WHERE c."projectSiteId" = ${facts.id}::uuid AND c.status = 'REQUESTED') AS requests
        FROM per_site`,
    siteHistory(actor, facts),
  ]);
  const target = targetOf(facts);
  const authz = authzFacts(facts);
  const { teamSize, requests, ...national } = picture!;
  return {
    facts,
    target,
    cases: history[0]?.cumulativeCases ?? 0,
    expected: Math.ceil((target ?? 0) * elapsedShare(facts.project.collectionStart, facts.project.collectionEnd, now)),
    teamSize,
    requests,
    history,
    national: { ...national, medianShare: national.medianShare === null ? null : Number(national.medianShare) },
    moves: siteMovesFrom(facts.status, facts.project.status),
    canChangeStatus: can(actor, "site.changeStatus", authz),
    canApprove: can(actor, "site.approve", authz),
    isSiteLead: actor ? facts.siteLeadIds.includes(actor.id) : false,
  };
}
