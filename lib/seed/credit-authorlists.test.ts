import { describe, expect, it } from "vitest";
import { CREDITED_STATUSES } from "@/lib/participation/rules";
import { SEED_CREDITED_STATUSES } from "./credit-authorlists";

describe("the demo's frozen author lists", () => {
  it("credit the places the participation rules credit", () => {
    expect(SEED_CREDITED_STATUSES).toEqual(CREDITED_STATUSES);
  });
});
