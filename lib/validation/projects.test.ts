import { describe, expect, it } from "vitest";
import { projectSearchSchema } from "./projects";

describe("the /projects search parameters", () => {
  it("reads text, filters and page", () => {
    expect(projectSearchSchema.parse({ q: " stroke ", design: "AUDIT", modality: "CT", status: "DATA_COLLECTION", page: "3" })).toEqual({
      q: "stroke",
      design: "AUDIT",
      modality: "CT",
      status: "DATA_COLLECTION",
      page: 3,
    });
  });

  it("falls back to the defaults for values nobody could have picked, instead of failing the page", () => {
    expect(projectSearchSchema.parse({ design: "NOPE", status: "DRAFT", page: "-4", modality: ["CT", "MRI"] })).toEqual({
      q: undefined,
      design: undefined,
      modality: undefined,
      status: undefined,
      page: 1,
    });
  });
});
