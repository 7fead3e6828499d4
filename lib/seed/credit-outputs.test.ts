import { describe, expect, it } from "vitest";
import { normaliseDoi, normalisePmid } from "@/lib/validation/outputs";
import { buildSeedPlan } from "./plan";

describe("the demo's outputs", () => {
  const today = new Date("2026-11-26T09:00:00Z");
  const midnight = new Date("2026-11-26T00:00:00Z");
  const plan = buildSeedPlan("demo", "hash", today);
  const completed = plan.projects.find((project) => project.status === "COMPLETED")!;

  it("give the completed project an abstract and a talk, then a paper with a DOI and a PubMed ID", () => {
    const outputs = plan.outputs.filter((output) => output.projectId === completed.id).sort((a, b) => +new Date(a.date) - +new Date(b.date));
    expect(outputs.map((output) => output.kind)).toEqual(["ABSTRACT", "ORAL_PRESENTATION", "PAPER"]);
    const paper = outputs[2]!;
    // Stored as the form would store them.
    expect(normaliseDoi(paper.doi as string)).toBe(paper.doi);
    expect(normalisePmid(paper.pmid as string)).toBe(paper.pmid);
    expect(paper.recordedById).toBe(plan.projectLeads.find((lead) => lead.projectId === completed.id && lead.role === "LEAD")!.userId);
  });

  it("come from more than one project, each after its collection ended and before today", () => {
    expect(new Set(plan.outputs.map((output) => output.projectId)).size).toBeGreaterThan(1);
    for (const output of plan.outputs) {
      const project = plan.projects.find((p) => p.id === output.projectId)!;
      expect(["ANALYSIS", "COMPLETED"]).toContain(project.status);
      expect(+new Date(output.date)).toBeGreaterThan(+new Date(project.collectionEnd as Date));
      expect(+new Date(output.date)).toBeLessThan(+midnight);
      expect(+new Date(output.createdAt as Date)).toBeLessThan(+midnight);
    }
  });
});
