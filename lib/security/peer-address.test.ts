import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installPeerAddressHeader, PEER_ADDRESS_HEADER } from "./peer-address";

let server: http.Server;
let port: number;

beforeAll(async () => {
  installPeerAddressHeader();
  // A server made after the patch, as Next.js makes its own.
  server = http.createServer((request, response) => response.end(String(request.headers[PEER_ADDRESS_HEADER] ?? "none")));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the connection's address", () => {
  it("reaches the request as a header the client cannot set", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: "203.0.113.66", "x-forwarded-for": "203.0.113.66" } });
    expect(await response.text()).toBe("127.0.0.1");
  });
});
