import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";
import { orNotFound } from "./or-not-found";

// What Next.js's notFound() throws: the page answers 404 with app/not-found.tsx.
const PAGE_NOT_FOUND = { digest: "NEXT_HTTP_ERROR_FALLBACK;404" };

describe("a page's not found or not allowed", () => {
  it("gives the page what it loaded", async () => {
    await expect(orNotFound(Promise.resolve({ title: "CT colonography audit" }))).resolves.toEqual({ title: "CT colonography audit" });
  });

  it("answers Page not found when the thing is missing, and the same when the member may not see it", async () => {
    await expect(orNotFound(Promise.reject(new NotFoundError("That project")))).rejects.toMatchObject(PAGE_NOT_FOUND);
    await expect(orNotFound(Promise.reject(new ForbiddenError("project.viewDraft")))).rejects.toMatchObject(PAGE_NOT_FOUND);
  });

  it("leaves any other failure a server error", async () => {
    const broken = new Error("connection refused");
    await expect(orNotFound(Promise.reject(broken))).rejects.toBe(broken);
  });
});
