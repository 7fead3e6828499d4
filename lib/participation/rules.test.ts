// The questions every participation command and page asks, answered with the
// sentences a member reads. Expectations are written out, not computed from the rules.
import { describe, expect, it } from "vitest";
import type { CollaborationRole, CollaborationStatus, ProjectSiteStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import {
  allows,
  confirmRefusal,
  countsForAuthorship,
  joinRefusal,
  keepsASiteLead,
  leaveRefusal,
  mayLeave,
  PARTICIPATION_MOVES,
  placeStateOf,
  projectJoinRefusal,
  rotateRefusal,
  siteLeadRoomReason,
  takesPart,
  teamCapReason,
  teamClosedReason,
  type JoinFacts,
} from "./rules";

const place = (status: CollaborationStatus, siteWithdrawn = false, role: CollaborationRole = "COLLABORATOR") => ({ status, role, siteWithdrawn });
const team = (status: ProjectSiteStatus, project: ProjectStatus = "DATA_COLLECTION") => ({ status, project: { status: project } });

describe("takes part, and counts for authorship", () => {
  it("takes part while asked for or confirmed at a hospital still taking part, and not once that hospital withdrew", () => {
    expect(takesPart(place("REQUESTED"))).toBe(true);
    expect(takesPart(place("CONFIRMED"))).toBe(true);
    expect(takesPart(place("DECLINED"))).toBe(false);
    expect(takesPart(place("LEFT"))).toBe(false);
    expect(takesPart(place("ROTATED"))).toBe(false);
    expect(takesPart(place("REQUESTED", true))).toBe(false);
    expect(takesPart(place("CONFIRMED", true))).toBe(false);
  });

  it("counts for authorship when confirmed or moved on from (a rotation keeps its credit), at a hospital that has not withdrawn", () => {
    expect(countsForAuthorship(place("CONFIRMED"))).toBe(true);
    expect(countsForAuthorship(place("CONFIRMED", false, "SITE_LEAD"))).toBe(true);
    expect(countsForAuthorship(place("REQUESTED"))).toBe(false);
    expect(countsForAuthorship(place("LEFT"))).toBe(false);
    expect(countsForAuthorship(place("ROTATED"))).toBe(true);
    expect(countsForAuthorship(place("ROTATED", true))).toBe(false);
    expect(countsForAuthorship(place("DECLINED"))).toBe(false);
    expect(countsForAuthorship(place("CONFIRMED", true))).toBe(false);
  });
});

describe("may this person join here, and if not why", () => {
  const registeredAt = new Date("2026-09-01T00:00:00Z");
  const base: JoinFacts = {
    missing: [],
    projectStatus: "DATA_COLLECTION",
    site: { id: "here", name: "Addenbrooke's Hospital", status: "ACTIVE", registeredAt },
    mine: [],
  };
  const mine = (projectSiteId: string, status: CollaborationStatus, extra: { siteWithdrawn?: boolean; decidedAt?: Date | null } = {}) => ({
    projectSiteId,
    site: projectSiteId === "here" ? "Addenbrooke's Hospital" : "Ipswich Hospital",
    status,
    siteWithdrawn: extra.siteWithdrawn ?? false,
    decidedAt: extra.decidedAt ?? null,
  });

  it("lets a member with a complete profile join an open project at a hospital taking part", () => {
    expect(joinRefusal(base)).toBeNull();
    expect(joinRefusal({ ...base, projectStatus: "SITE_SETUP" })).toBeNull();
  });

  it("asks for the missing parts of the profile first", () => {
    expect(joinRefusal({ ...base, missing: ["grade", "home hospital"], projectStatus: "COMPLETED" })).toEqual({
      message: "Add your grade and home hospital to your profile before you ask to join a project.",
    });
  });

  it("refuses a project that has finished collecting data, and says so on the project page too", () => {
    for (const status of ["ANALYSIS", "COMPLETED"] as const) {
      expect(joinRefusal({ ...base, projectStatus: status })).toEqual({
        message: "This project has finished collecting data and takes no new collaborators.",
        field: "projectSiteId",
      });
      expect(projectJoinRefusal(status)).toBe("This project has finished collecting data and takes no new collaborators.");
    }
    expect(projectJoinRefusal("DATA_COLLECTION")).toBeNull();
  });

  it("refuses a hospital that withdrew", () => {
    expect(joinRefusal({ ...base, site: { ...base.site, status: "WITHDRAWN" } })?.message).toBe(
      "This hospital has withdrawn from the project. Choose another hospital.",
    );
  });

  it("allows one place taking part per project: here it is already asked for, elsewhere it must be left first", () => {
    expect(joinRefusal({ ...base, mine: [mine("here", "REQUESTED")] })?.message).toBe(
      "You have already asked to join this project at this hospital. The site lead will confirm or decline.",
    );
    expect(joinRefusal({ ...base, mine: [mine("there", "CONFIRMED")] })?.message).toBe(
      "You already take part in this project at Ipswich Hospital. Leave it there first to join at another hospital.",
    );
  });

  it("frees a member whose hospital withdrew, or who left, to join elsewhere", () => {
    expect(joinRefusal({ ...base, mine: [mine("there", "CONFIRMED", { siteWithdrawn: true })] })).toBeNull();
    expect(joinRefusal({ ...base, mine: [mine("there", "LEFT"), mine("here", "LEFT")] })).toBeNull();
  });

  it("frees a member who moved hospital to join elsewhere, and refuses their return to the place they moved on from", () => {
    expect(joinRefusal({ ...base, mine: [mine("there", "ROTATED")] })).toBeNull();
    expect(joinRefusal({ ...base, mine: [mine("here", "ROTATED"), mine("there", "LEFT")] })).toEqual({
      message:
        "You moved on from Addenbrooke's Hospital in this project, and your place there keeps the credit for your time on its team. A hospital keeps one place per person in a project, so you cannot ask to join there again.",
      field: "projectSiteId",
    });
    // Taking part elsewhere is the first refusal: the person must end that place before anything else.
    expect(joinRefusal({ ...base, mine: [mine("here", "ROTATED"), mine("there", "CONFIRMED")] })?.message).toBe(
      "You already take part in this project at Ipswich Hospital. Leave it there first to join at another hospital.",
    );
  });

  it("holds a decline against the member for the registration it was made in, not after the hospital registered again", () => {
    const declinedNow = mine("here", "DECLINED", { decidedAt: new Date("2026-09-10T00:00:00Z") });
    expect(joinRefusal({ ...base, mine: [declinedNow] })?.message).toBe(
      "The site lead at Addenbrooke's Hospital declined your request. Contact them, or choose another hospital.",
    );
    const declinedBefore = mine("here", "DECLINED", { decidedAt: new Date("2026-08-10T00:00:00Z") });
    expect(joinRefusal({ ...base, mine: [declinedBefore] })).toBeNull();
  });
});

describe("may leave, and why not", () => {
  it("lets a collaborator leave, or withdraw a request, while the project takes collaborators", () => {
    expect(leaveRefusal(place("CONFIRMED"), "DATA_COLLECTION")).toBeNull();
    expect(leaveRefusal(place("REQUESTED"), "SITE_SETUP")).toBeNull();
    expect(mayLeave(place("REQUESTED"), "SITE_SETUP")).toBe(true);
  });

  it("keeps a site lead until they hand the site over", () => {
    expect(leaveRefusal(place("CONFIRMED", false, "SITE_LEAD"), "DATA_COLLECTION")).toBe(
      "As the site lead, hand the site over to another collaborator before you leave.",
    );
    expect(mayLeave(place("CONFIRMED", false, "SITE_LEAD"), "DATA_COLLECTION")).toBe(false);
  });

  it("keeps a part on the record once data collection has ended", () => {
    expect(leaveRefusal(place("CONFIRMED"), "ANALYSIS")).toBe("Data collection has ended, so your part in this project stays on the record.");
  });

  it("lets a confirmed collaborator move to another hospital, keeping the credit, but only withdraw a waiting request", () => {
    expect(rotateRefusal(place("CONFIRMED"), "DATA_COLLECTION")).toBeNull();
    expect(rotateRefusal(place("CONFIRMED"), "SITE_SETUP")).toBeNull();
    expect(rotateRefusal(place("REQUESTED"), "DATA_COLLECTION")).toBe(
      "Your request has not been confirmed, so there is no time on the team to keep: you can only withdraw it.",
    );
    expect(leaveRefusal(place("REQUESTED"), "DATA_COLLECTION")).toBeNull();
    expect(rotateRefusal(place("CONFIRMED", false, "SITE_LEAD"), "DATA_COLLECTION")).toBe(
      "As the site lead, hand the site over to another collaborator before you leave.",
    );
    expect(rotateRefusal(place("CONFIRMED", true), "DATA_COLLECTION")).toBe(
      "This hospital has withdrawn from the project, so your place there counts for nothing to keep. You are free to join at another hospital.",
    );
    expect(rotateRefusal(place("CONFIRMED"), "COMPLETED")).toBe("Data collection has ended, so your part in this project stays on the record.");
    expect(rotateRefusal(place("ROTATED"), "DATA_COLLECTION")).toBe("You are not taking part in this project.");
  });

  it("has nothing to leave once declined or left", () => {
    expect(leaveRefusal(place("LEFT"), "DATA_COLLECTION")).toBe("You are not taking part in this project.");
    expect(leaveRefusal(place("DECLINED"), "DATA_COLLECTION")).toBe("You are not taking part in this project.");
  });
});

describe("the team: open, capped, led", () => {
  it("takes people on while the project collects and the site is registered, waiting for approvals or active", () => {
    for (const status of ["REGISTERED", "APPROVALS_PENDING", "ACTIVE"] as const) expect(teamClosedReason(team(status))).toBeNull();
    expect(teamClosedReason(team("WITHDRAWN"))).toBe("This site has finished with the project, so its team can no longer change.");
    expect(teamClosedReason(team("COMPLETE"))).toBe("This site has finished with the project, so its team can no longer change.");
    expect(teamClosedReason(team("ACTIVE", "ANALYSIS"))).toBe("Data collection has ended, so the team stays as it is on the record.");
  });

  it("confirms nobody at a site that withdrew or finished, or once the project stopped taking collaborators", () => {
    expect(confirmRefusal(team("ACTIVE"))).toBeNull();
    expect(confirmRefusal(team("WITHDRAWN"))).toBe("This site has withdrawn from the project or finished, so it confirms nobody new.");
    expect(confirmRefusal(team("ACTIVE", "COMPLETED"))).toBe("This project has finished collecting data and takes no new collaborators.");
  });

  it("takes collaborators up to the project's cap, and any number without one", () => {
    expect(teamCapReason(null, 500)).toBeNull();
    expect(teamCapReason(3, 2)).toBeNull();
    expect(teamCapReason(3, 3)).toBe("This site already has 3 collaborators, the most this project allows.");
  });

  it("has at most two site leads, and always one", () => {
    expect(siteLeadRoomReason(1)).toBeNull();
    expect(siteLeadRoomReason(2)).toBe("A site can have 2 site leads at most, and this site has 2.");
    expect(keepsASiteLead(2)).toBe(true);
    expect(keepsASiteLead(1)).toBe(false);
  });
});

describe("the table of moves", () => {
  // Written out by hand, so that a row widened by mistake fails here (the walk in
  // tests/integration/participation-table.test.ts then proves the commands obey the table).
  // Who may make each move from each state, the project collecting data.
  const AT_A_SITE_TAKING_PART = `
    state         request  confirm   decline   leave  rotate  remove
    none          self     -         -         -      -       -
    requested     -        siteLead  siteLead  self   -       -
    collaborator  -        -         -         self   self    siteLead
    siteLead      -        -         -         -      -       siteLead
    declined      self     -         -         -      -       -
    left          self     -         -         -      -       -
    rotated       -        -         -         -      -       -`;
  const AT_A_WITHDRAWN_SITE = `
    state         request  confirm   decline   leave  rotate  remove
    none          -        -         -         -      -       -
    requested     -        -         siteLead  self   -       -
    collaborator  -        -         -         self   -       -
    siteLead      -        -         -         -      -       -
    declined      -        -         -         -      -       -
    left          -        -         -         -      -       -
    rotated       -        -         -         -      -       -`;
  const STATUS_OF: Record<string, CollaborationStatus> = { requested: "REQUESTED", collaborator: "CONFIRMED", siteLead: "CONFIRMED", declined: "DECLINED", left: "LEFT", rotated: "ROTATED" };
  for (const [name, matrix, siteStatus] of [
    ["at a site taking part", AT_A_SITE_TAKING_PART, "ACTIVE"],
    ["at a site that withdrew", AT_A_WITHDRAWN_SITE, "WITHDRAWN"],
  ] as const) {
    it(`allows exactly these moves ${name}`, () => {
      const [header, ...rows] = matrix.trim().split("\n").map((line) => line.trim().split(/\s+/));
      const moves = header!.slice(1) as (typeof PARTICIPATION_MOVES)[number]["move"][];
      for (const [state, ...cells] of rows) {
        const row = state === "none" ? null : place(STATUS_OF[state!]!, siteStatus === "WITHDRAWN", state === "siteLead" ? "SITE_LEAD" : "COLLABORATOR");
        moves.forEach((move, index) => {
          const expected = cells[index]!;
          const allowed = allows(move, row, team(siteStatus));
          expect(allowed ? PARTICIPATION_MOVES.find((transition) => transition.move === move)!.who : "-", `${state} × ${move}`).toBe(expected);
        });
      }
    });
  }

  it("names each move once, from states a place can be in", () => {
    expect(PARTICIPATION_MOVES.map((transition) => transition.move)).toEqual(["request", "confirm", "decline", "leave", "rotate", "remove"]);
  });

  it("reads a place's state from its status and role", () => {
    expect(placeStateOf(null)).toBe("none");
    expect(placeStateOf(place("CONFIRMED", false, "SITE_LEAD"))).toBe("siteLead");
    expect(placeStateOf(place("CONFIRMED"))).toBe("collaborator");
    expect(placeStateOf(place("REQUESTED"))).toBe("requested");
    expect(placeStateOf(place("ROTATED"))).toBe("rotated");
  });

  it("lets a member leave a place at a hospital that withdrew, and a site lead decline there, but nothing else", () => {
    const open = team("WITHDRAWN");
    expect(allows("leave", place("CONFIRMED", true), open)).toBe(true);
    expect(allows("decline", place("REQUESTED", true), open)).toBe(true);
    expect(allows("confirm", place("REQUESTED", true), open)).toBe(false);
    expect(allows("remove", place("CONFIRMED", true), open)).toBe(false);
    expect(allows("request", null, open)).toBe(false);
  });

  it("lets nobody join or be confirmed once data collection has ended, though a request may still be declined", () => {
    const ended = team("ACTIVE", "ANALYSIS");
    expect(allows("request", null, ended)).toBe(false);
    expect(allows("confirm", place("REQUESTED"), ended)).toBe(false);
    expect(allows("leave", place("CONFIRMED"), ended)).toBe(false);
    expect(allows("rotate", place("CONFIRMED"), ended)).toBe(false);
    expect(allows("decline", place("REQUESTED"), ended)).toBe(true);
  });
});
