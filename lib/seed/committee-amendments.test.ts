import { describe, expect, it } from "vitest";
import { buildSeedPlan, DEMO_ACCOUNTS } from "./plan";

describe("the demo's amendments", () => {
  const today = new Date("2026-11-29T12:00:00Z");
  const plan = buildSeedPlan("demo", "hash", today);
  const id = (email: string) => plan.users.find((user) => user.email === email)!.id;
  const flagship = plan.projects.find((project) => project.createdById === id(DEMO_ACCOUNTS.lead.email) && project.status === "DATA_COLLECTION")!;

  it("extended the flagship's window by an approved amendment, kept as its AMENDMENT version, and told its site leads", () => {
    const amendment = plan.amendments.find((row) => row.projectId === flagship.id)!;
    expect(amendment.status).toBe("APPROVED");
    const end = (amendment.changes as { collectionEnd: string }).collectionEnd;
    expect(new Date(flagship.collectionEnd as Date).toISOString().slice(0, 10)).toBe(end);
    const version = plan.projectVersions.find((row) => row.projectId === flagship.id && row.kind === "AMENDMENT")!;
    expect(version.number).toBe(amendment.versionNumber);
    expect((version.content as { collectionEnd: string }).collectionEnd).toBe(end);
    const told = plan.notifications.filter((note) => note.kind === "project.amended" && note.projectId === flagship.id);
    expect(told.map((note) => note.userId)).toContain(id(DEMO_ACCOUNTS.siteLead.email));
    expect(told[0]!.message).toMatch(/The collection window now ends on \d{1,2} \w+ \d{4}\./);
    for (const at of [amendment.proposedAt, amendment.decidedAt, version.submittedAt]) expect(new Date(at as Date).getTime()).toBeLessThan(today.getTime());
  });

  it("leaves one amendment waiting for the committee on another approved project", () => {
    const waiting = plan.amendments.filter((row) => row.status === "PROPOSED");
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.projectId).not.toBe(flagship.id);
  });
});
