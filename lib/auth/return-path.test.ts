import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_PATH, safeReturnPath, signInPathFor } from "./return-path";

describe("the path signing in returns to", () => {
  it.each([
    ["/dashboard/projects/ctpa-yield/sites/RGT01/team", "/dashboard/projects/ctpa-yield/sites/RGT01/team"],
    ["/projects/ctpa-yield-emergency-department", "/projects/ctpa-yield-emergency-department"],
    ["/dashboard/review?page=2#queue", "/dashboard/review?page=2#queue"],
    ["/dashboard/projects/a/../b", "/dashboard/projects/b"],
    ["/dashboard/site-requests#request-0e975ef4", "/dashboard/site-requests#request-0e975ef4"],
  ])("keeps a page of the portal: %s", (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "//evil.example/dashboard",
    "https://evil.example",
    "http://evil.example/dashboard",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    " /dashboard",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "dashboard",
    "",
    "/".padEnd(2001, "a"),
    "/signin",
    "/signin?callbackUrl=/dashboard",
    "/SIGNUP",
    "/api/auth/signout",
    "/..//evil.example",
    "/.//evil.example",
    "/%2e%2e//evil.example",
    "/dashboard/..//evil.example/dashboard?x=1#y",
  ])("refuses %j and falls back to the dashboard", (value) => {
    expect(safeReturnPath(value)).toBe(DEFAULT_RETURN_PATH);
  });

  it("refuses what is not text", () => {
    for (const value of [undefined, null, 42, ["/dashboard/review"], { href: "/dashboard" }]) {
      expect(safeReturnPath(value)).toBe(DEFAULT_RETURN_PATH);
    }
  });

  it("names the return path in the sign-in page's address, except the dashboard itself", () => {
    expect(signInPathFor("/dashboard/review?page=2")).toBe("/signin?callbackUrl=%2Fdashboard%2Freview%3Fpage%3D2");
    expect(signInPathFor("/dashboard")).toBe("/signin");
    expect(signInPathFor("//evil.example")).toBe("/signin");
  });
});
