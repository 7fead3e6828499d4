// Every state of a place × every move × every role, generated from the participation table
// (lib/participation/rules.ts), as tests/integration/lifecycle-table.test.ts does for projects:
// the moves the table allows succeed and land where it says; every other one is refused and
// changes nothing. Then the site's own moves that carry its team's places with them.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { leaveProject, requestToJoin } from "@/lib/collaborations/participation";
import * as panel from "@/lib/collaborations/panel";
import { db } from "@/lib/db";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import {
  allows,
  PARTICIPATION_MOVES,
  placeStateOf,
  TEAM_MOVES,
  takesPart,
  type PlaceMove,
  type PlaceMover,
  type PlaceState,
} from "@/lib/participation/rules";
import { registerSite } from "@/lib/sites/register";
import { moveSite } from "@/lib/sites/status";
import { decideTeamRequest, removeMember } from "@/lib/sites/team";
import { getDashboardSummary } from "@/lib/users/dashboard";
import { createCollaboration, createUser } from "../support/factories";
import { asActor, siteScenario } from "../support/sites";

type RoleName = "self" | "siteLead" | "otherSiteLead" | "projectLead" | "committee" | "admin" | "member" | "visitor";
const ROLES: RoleName[] = ["self", "siteLead", "otherSiteLead", "projectLead", "committee", "admin", "member", "visitor"];
const STATES: PlaceState[] = ["none", "requested", "collaborator", "siteLead", "declined", "left", "rotated"];

/** The table's movers a role is: the place's holder is a site lead too when the place is a site lead's. */
function moversOf(role: RoleName, state: PlaceState): PlaceMover[] {
  if (role === "self") return state === "siteLead" ? ["self", "siteLead"] : ["self"];
  return role === "siteLead" ? ["siteLead"] : role === "projectLead" ? ["projectLead"] : [];
}

const PLACE_ROWS: Record<Exclude<PlaceState, "none">, { status: "REQUESTED" | "CONFIRMED" | "DECLINED" | "LEFT" | "ROTATED"; role: "COLLABORATOR" | "SITE_LEAD" }> = {
  requested: { status: "REQUESTED", role: "COLLABORATOR" },
  collaborator: { status: "CONFIRMED", role: "COLLABORATOR" },
  siteLead: { status: "CONFIRMED", role: "SITE_LEAD" },
  declined: { status: "DECLINED", role: "COLLABORATOR" },
  left: { status: "LEFT", role: "COLLABORATOR" },
  rotated: { status: "ROTATED", role: "COLLABORATOR" },
};

/**
 * A project with a site whose team holds the person's place in `state`, meeting every guard
 * beyond the table (a complete profile, no cap, a second site lead, a decline made before the
 * site's current registration), so only the table and the roles decide.
 */
async function placeIn(state: PlaceState, options: { siteWithdrawn?: boolean; projectStatus?: ProjectStatus } = {}) {
  const s = await siteScenario({ projectStatus: options.projectStatus ?? "DATA_COLLECTION" });
  const person = asActor(await createUser({ name: "Priya Nair", siteId: s.homeHospital.id }));
  let placeId: string | null = null;
  if (state !== "none") {
    const row = await createCollaboration({ projectSiteId: s.home.id, userId: person.id, ...PLACE_ROWS[state] });
    const decidedAt = state === "requested" ? null : new Date(s.home.registeredAt.getTime() - 86_400_000);
    await db.collaboration.update({ where: { id: row.id }, data: { decidedAt } });
    placeId = row.id;
  }
  if (options.siteWithdrawn) await db.projectSite.update({ where: { id: s.home.id }, data: { status: "WITHDRAWN" } });
  const actors: Record<RoleName, Actor | null> = {
    self: person,
    siteLead: s.siteLead,
    otherSiteLead: s.otherSiteLead,
    projectLead: s.lead,
    committee: s.committee,
    admin: s.admin,
    member: s.member,
    visitor: null,
  };
  return { ...s, person, placeId, actors };
}

type Fixture = Awaited<ReturnType<typeof placeIn>>;

function perform(move: PlaceMove, actor: Actor | null, f: Fixture): Promise<unknown> {
  const id = f.placeId!;
  switch (move) {
    case "request":
      return requestToJoin(actor as Actor, f.home.id);
    case "confirm":
      return decideTeamRequest(actor, f.home.id, id, "CONFIRM");
    case "decline":
      return decideTeamRequest(actor, f.home.id, id, "DECLINE");
    case "leave":
      return leaveProject(actor as Actor, id, "withdraw");
    case "rotate":
      return leaveProject(actor as Actor, id, "rotate");
    case "remove":
      return removeMember(actor, f.home.id, id);
  }
}

/** The person's places in the project, as they stand. */
const placesOf = (f: Fixture) =>
  db.collaboration.findMany({
    where: { userId: f.person.id, projectSite: { projectId: f.project.id } },
    orderBy: { id: "asc" },
    select: { id: true, projectSiteId: true, status: true, role: true, decidedAt: true, requestedAt: true },
  });

const stateAtHome = async (f: Fixture): Promise<PlaceState> =>
  placeStateOf(await db.collaboration.findFirst({ where: { userId: f.person.id, projectSiteId: f.home.id }, select: { status: true, role: true } }));

describe("the participation table", () => {
  for (const siteWithdrawn of [false, true]) {
    for (const state of STATES) {
      for (const transition of PARTICIPATION_MOVES) {
        const teamFacts = { status: siteWithdrawn ? ("WITHDRAWN" as const) : ("ACTIVE" as const), project: { status: "DATA_COLLECTION" as const } };
        const place = state === "none" ? null : { ...PLACE_ROWS[state], siteWithdrawn };
        const allowed = allows(transition.move, place, teamFacts);
        const movers = [transition.who, ...(transition.actingFor ?? [])];
        const allowedRoles = allowed ? ROLES.filter((role) => moversOf(role, state).some((mover) => movers.includes(mover))) : [];
        // A request names nobody but the one who makes it, so nobody else can move this person's place with it.
        const refusedRoles = transition.move === "request" ? (allowed ? [] : (["self"] as RoleName[])) : ROLES.filter((role) => !allowedRoles.includes(role));
        const where = siteWithdrawn ? "at a hospital that withdrew" : "at a hospital taking part";
        const title = `${state} ${where} × ${transition.move}: ${allowedRoles.length ? `${allowedRoles.join(", ")} move it to ${transition.to}` : "nobody may"}; everyone else is refused with no change`;
        it(title, async () => {
          if (state === "none" && transition.move !== "request") {
            // No place to act on: the table offers nothing, and there is no id to send.
            expect(allowed).toBe(false);
            return;
          }
          const f = await placeIn(state, { siteWithdrawn });
          const before = await placesOf(f);
          for (const role of refusedRoles) {
            await expect(perform(transition.move, f.actors[role], f), `${role} refused`).rejects.toThrow();
            expect(await placesOf(f), `${role} changed nothing`).toEqual(before);
          }
          for (const role of allowedRoles) {
            const fresh = await placeIn(state, { siteWithdrawn });
            await perform(transition.move, fresh.actors[role], fresh);
            expect(await stateAtHome(fresh), role).toBe(transition.to);
            const [place] = await db.collaboration.findMany({ where: { userId: fresh.person.id, projectSiteId: fresh.home.id }, select: { id: true } });
            const audited = await db.auditEvent.count({ where: { entityType: "Collaboration", entityId: place!.id, actorId: fresh.actors[role]!.id } });
            expect(audited, `${role}'s move is on the audit log`).toBe(1);
          }
        });
      }
    }
  }
});

describe("the table's conditions on the project", () => {
  const FIRST_FROM: Record<PlaceMove, PlaceState> = { request: "none", confirm: "requested", decline: "requested", leave: "collaborator", rotate: "collaborator", remove: "collaborator" };
  for (const projectStatus of ["SITE_SETUP", "DATA_COLLECTION", "ANALYSIS", "COMPLETED"] as const) {
    for (const transition of PARTICIPATION_MOVES) {
      const state = FIRST_FROM[transition.move];
      const place = state === "none" ? null : { ...PLACE_ROWS[state], siteWithdrawn: false };
      const allowed = allows(transition.move, place, { status: "ACTIVE", project: { status: projectStatus } });
      it(`${transition.move} from ${state} while the project is ${projectStatus}: ${allowed ? "made" : "refused with no change"}`, async () => {
        const f = await placeIn(state, { projectStatus });
        const actor = f.actors[transition.who === "self" ? "self" : "siteLead"];
        const before = await placesOf(f);
        if (allowed) {
          await perform(transition.move, actor, f);
          expect(await stateAtHome(f)).toBe(transition.to);
        } else {
          await expect(perform(transition.move, actor, f)).rejects.toThrow();
          expect(await placesOf(f)).toEqual(before);
        }
      });
    }
  }
});

describe("the site's moves carry its team's places", () => {
  const withdraw = TEAM_MOVES.find((move) => move.move === "siteWithdraws")!;
  const again = TEAM_MOVES.find((move) => move.move === "registerAgain")!;
  for (const state of STATES.filter((state) => state !== "none")) {
    it(`a ${state} place: the hospital withdraws (→ ${withdraw.places[state]}, taking part in nothing), then registers again (→ ${again.places[state]})`, async () => {
      const f = await placeIn(state);
      await moveSite(f.siteLead, f.home.id, "withdraw");
      expect(await stateAtHome(f)).toBe(withdraw.places[state]);
      const row = await db.collaboration.findFirstOrThrow({ where: { userId: f.person.id, projectSiteId: f.home.id }, select: { status: true } });
      expect(takesPart({ status: row.status, siteWithdrawn: true })).toBe(false);
      const registrant = asActor(await createUser({ name: "Ben Carter", siteId: f.homeHospital.id }));
      await registerSite(registrant, { projectId: f.project.id, siteId: f.homeHospital.id });
      expect(await stateAtHome(f)).toBe(again.places[state]);
      expect(placeStateOf(await db.collaboration.findFirst({ where: { userId: registrant.id, projectSiteId: f.home.id }, select: { status: true, role: true } }))).toBe("siteLead");
    });
  }
});

describe("the dashboard counts the places that take part", () => {
  it("counts a confirmed place while its hospital takes part, and no longer once it has withdrawn", async () => {
    const f = await placeIn("collaborator");
    expect((await getDashboardSummary(f.person)).collaborations).toBe(1);
    await moveSite(f.siteLead, f.home.id, "withdraw");
    // Before: 1 here ("active" in the dashboard, though the place frees its member to join elsewhere).
    expect((await getDashboardSummary(f.person)).collaborations).toBe(0);
    await requestToJoin(f.person, f.other.id);
    expect((await getDashboardSummary(f.person)).collaborations).toBe(1);
  });
});

describe("who reads the demand by hospital", () => {
  it("is read only through the join panel, which checks who is asking", async () => {
    expect(Object.keys(panel)).not.toContain("getSiteDemand");
    const f = await placeIn("collaborator");
    expect((await panel.getJoinPanel(f.person, f.project.slug))?.demand).toBeNull();
    expect((await panel.getJoinPanel(f.lead, f.project.slug))?.demand).toEqual([]);
  });
});
