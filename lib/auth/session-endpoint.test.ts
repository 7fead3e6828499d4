import { describe, expect, it } from "vitest";
import { isSessionEndpoint, sessionEndpointNotFound } from "./session-endpoint";

describe("Auth.js's session endpoint", () => {
  it("is every path Auth.js would answer as its session action, and nothing else under /api/auth", () => {
    for (const path of ["/api/auth/session", "/api/auth/session/", "/api/auth//session", "/api/auth/session/x"]) {
      expect(isSessionEndpoint(path), path).toBe(true);
    }
    for (const path of ["/api/auth/csrf", "/api/auth/signout", "/api/auth/callback/credentials", "/api/auth/signin/session", "/api/auth/sessions", "/dashboard/session"]) {
      expect(isSessionEndpoint(path), path).toBe(false);
    }
  });

  it("answers as a page that does not exist", async () => {
    const response = sessionEndpointNotFound();
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Not found.");
  });
});
