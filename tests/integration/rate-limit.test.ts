import { describe, expect, it } from "vitest";
import { clearAttempts, clientAddress, consumeAttempt, isLimited } from "@/lib/security/rate-limit";

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

  it("takes the address added by the nearest server, which a client cannot forge", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
