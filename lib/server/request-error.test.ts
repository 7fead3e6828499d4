import { afterEach, describe, expect, it } from "vitest";
import { setLogWriter } from "@/lib/log";
import { logRequestError } from "./request-error";

afterEach(() => setLogWriter(undefined));

describe("a server error's log line", () => {
  it("carries the request id and the digest the member is shown, and nothing the member typed", () => {
    const lines: string[] = [];
    setLogWriter((line) => lines.push(line));
    const error = Object.assign(new Error('duplicate key value violates unique constraint: Key (email)=(someone@example.net)'), {
      digest: "1234567890",
      code: "P2002",
    });
    logRequestError(
      error,
      { path: "/dashboard/members?q=someone%40example.net", method: "POST", headers: { "x-request-id": "0b7c8a2e-1111-4111-8111-123456789abc", cookie: "authjs.session-token=secret" } },
      { routePath: "/dashboard/members" },
    );
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: "error",
      event: "request.error",
      requestId: "0b7c8a2e-1111-4111-8111-123456789abc",
      digest: "1234567890",
      method: "POST",
      path: "/dashboard/members",
      route: "/dashboard/members",
      error: "Error",
      code: "P2002",
    });
    expect(lines[0]).not.toMatch(/someone|example\.net|secret|duplicate/);
  });
});
