import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setLogWriter, type LogLine } from "@/lib/log";
import { installRequestHooks, requestIdFor } from "./requests";

const lines: LogLine[] = [];
let server: http.Server;
let origin: string;

beforeAll(async () => {
  setLogWriter((line) => lines.push(JSON.parse(line) as LogLine));
  installRequestHooks({ trustedProxies: 0 });
  server = http.createServer((request, response) => {
    response.statusCode = request.url?.startsWith("/missing") ? 404 : 200;
    response.end(`seen ${request.headers["x-request-id"]}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  setLogWriter(undefined);
  await new Promise((resolve) => server.close(resolve));
});

describe("the request id", () => {
  it("is taken from the proxy in front only when the portal is told it has one", () => {
    expect(requestIdFor("proxy-id-12345678", 1)).toBe("proxy-id-12345678");
    expect(requestIdFor("proxy-id-12345678", 0)).not.toBe("proxy-id-12345678");
    // A value that could break a log line or a search is replaced, even from a trusted proxy.
    expect(requestIdFor('bad"id\n{"level":"x"}', 1)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("each request", () => {
  it("gets an id the app and the client see, and one log line with its status, without the query string", async () => {
    const response = await fetch(`${origin}/missing/page?email=someone%40example.net&q=secret`, { headers: { "x-request-id": "chosen-by-the-client" } });
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.text()).toBe(`seen ${requestId}`);
    await expect.poll(() => lines.find((line) => line.requestId === requestId)).toBeDefined();
    const line = lines.find((entry) => entry.requestId === requestId)!;
    expect(line).toMatchObject({ level: "info", event: "request", method: "GET", path: "/missing/page", status: 404 });
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(line)).not.toMatch(/example\.net|secret|chosen-by-the-client/);
  });

  it("leaves out of its log line the secret of a link in the path, which would let whoever reads the logs use it", async () => {
    const secret = "Zq3sV9xKp2mW7tLr4yBn8cFh6dJg1eAu";
    for (const page of ["reset-password", "change-email", "verify-email", "unsubscribe"]) {
      const response = await fetch(`${origin}/${page}/${secret}${page === "unsubscribe" ? "/confirm" : ""}`);
      const requestId = response.headers.get("x-request-id");
      await expect.poll(() => lines.find((line) => line.requestId === requestId)).toBeDefined();
      const line = lines.find((entry) => entry.requestId === requestId)!;
      expect(line.path, page).toBe(page === "unsubscribe" ? "/unsubscribe/[token]/confirm" : `/${page}/[token]`);
      expect(JSON.stringify(line)).not.toContain(secret);
    }
  });
});
