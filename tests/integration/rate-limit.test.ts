import { describe, expect, it } from "vitest";
import { clearAttempts, clientAddress, consumeAttempt, isLimited, limitKeyOf } from "@/lib/security/rate-limit";

const limit = { max: 3, windowSeconds: 60 };

describe("the rate limiter", () => {
  it("allows up to the limit in a window, then refuses until the window has passed", async () => {
    const start = new Date("2026-11-26T10:00:00Z");
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    expect(await consumeAttempt("k1", limit, at(0))).toBe(true);
    expect(await consumeAttempt("k1", limit, at(1))).toBe(true);
    expect(await consumeAttempt("k1", limit, at(2))).toBe(true);
    expect(await isLimited("k1", limit, at(3))).toBe(true);
    expect(await consumeAttempt("k1", limit, at(3))).toBe(false);
    expect(await isLimited("k1", limit, at(61))).toBe(false);
    expect(await consumeAttempt("k1", limit, at(61))).toBe(true);
  });

  it("counts attempts made at the same moment exactly", async () => {
    const now = new Date("2026-11-26T11:00:00Z");
    const results = await Promise.all(Array.from({ length: 8 }, () => consumeAttempt("k2", limit, now)));
    expect(results.filter(Boolean)).toHaveLength(3);
  });

  it("forgets a key when cleared", async () => {
    for (let i = 0; i < 4; i++) await consumeAttempt("k3", limit);
    expect(await isLimited("k3", limit)).toBe(true);
    await clearAttempts("k3");
    expect(await isLimited("k3", limit)).toBe(false);
  });

  it("takes the connection's address when no proxy is trusted, whatever the client says", () => {
    const direct = new Headers({ "x-radiant-peer-address": "192.0.2.7", "x-forwarded-for": "1.2.3.4", "x-real-ip": "198.51.100.2" });
    expect(clientAddress(direct, 0)).toBe("192.0.2.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4" }), 0)).toBe("unknown");
  });

  it("counts an IPv6 client by its /64, which it could otherwise walk through address by address", () => {
    expect(limitKeyOf("2001:db8:85a3:12:aaaa:bbbb:cccc:1")).toBe("2001:db8:85a3:12::/64");
    expect(limitKeyOf("2001:db8:85a3:12:dddd::2")).toBe("2001:db8:85a3:12::/64");
    expect(limitKeyOf("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(limitKeyOf("::ffff:192.0.2.9")).toBe("192.0.2.9");
    expect(limitKeyOf("192.0.2.9")).toBe("192.0.2.9");
    expect(clientAddress(new Headers({ "x-radiant-peer-address": "2001:db8:1:2:3:4:5:6" }), 0)).toBe("2001:db8:1:2::/64");
  });

  it("behind trusted proxies, takes the entry the outermost one added, not what the client wrote before it", () => {
    // The client forged 1.2.3.4; the one proxy in front appended the address it saw.
    const oneProxy = new Headers({ "x-radiant-peer-address": "10.0.0.2", "x-forwarded-for": "1.2.3.4, 203.0.113.9" });
    expect(clientAddress(oneProxy, 1)).toBe("203.0.113.9");
    const twoProxies = new Headers({ "x-radiant-peer-address": "10.0.0.3", "x-forwarded-for": "1.2.3.4, 203.0.113.9, 10.0.0.2" });
    expect(clientAddress(twoProxies, 2)).toBe("203.0.113.9");
    // A request that came round the proxies has a shorter chain: only the connection is known.
    expect(clientAddress(new Headers({ "x-radiant-peer-address": "192.0.2.8", "x-forwarded-for": "1.2.3.4" }), 2)).toBe("192.0.2.8");
  });
});
