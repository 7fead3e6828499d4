import { describe, expect, it } from "vitest";
import { SESSION_LIFETIME_SECONDS } from "@/lib/auth/session-store";
import { TOKEN_LIFETIME_HOURS } from "@/lib/accounts/tokens";
import { EMAIL_RETENTION_DAYS } from "@/lib/jobs/tasks";
import { LIMITS } from "@/lib/security/rate-limit";
import { erasureDateAfterWarning, period, RETENTION, retentionCutoffs, retentionSchedule, type Retention } from "./retention";

describe("the retention periods", () => {
  it("are the ones the privacy notice states", () => {
    const notice = retentionSchedule()
      .map((row) => `${row.what}: ${row.kept}`)
      .join("\n");
    expect(notice).toContain("If nobody signs in to it for 3 years");
    expect(notice).toContain("within 30 days of that e-mail, we erase the account");
    expect(notice).toContain("12 hours after you signed in");
    expect(notice).toContain("90 days after they were sent");
    expect(notice).toContain("7 days after the link was used or stopped working");
    expect(notice).toContain("24 hours from the first attempt");
    expect(notice).toContain("90 days after they expired, were declined or were withdrawn");
  });

  it("change the notice when they change, so the page cannot say one thing and the code do another", () => {
    const longer: Retention = { ...RETENTION, inactiveAccountYears: 5, inactivityGraceDays: 60, emailDays: 30, sessionHours: 1 };
    const notice = retentionSchedule(longer)
      .map((row) => row.kept)
      .join("\n");
    expect(notice).toContain("for 5 years");
    expect(notice).toContain("within 60 days");
    expect(notice).toContain("30 days after they were sent");
    expect(notice).toContain("1 hour after you signed in");
    expect(notice).not.toContain("3 years");
  });

  it("are the ones the code enforces", () => {
    expect(SESSION_LIFETIME_SECONDS).toBe(RETENTION.sessionHours * 3600);
    expect(EMAIL_RETENTION_DAYS).toBe(RETENTION.emailDays);
  });

  it("keep a rate-limit row no longer than needed, and never less than its window", () => {
    for (const limit of Object.values(LIMITS)) expect(limit.windowSeconds).toBeLessThanOrEqual(RETENTION.rateLimitHours * 3600);
  });

  it("keep a link long enough after its end that it can still say it was used or has expired", () => {
    for (const hours of Object.values(TOKEN_LIFETIME_HOURS)) expect(hours).toBeLessThan(RETENTION.accountLinkDays * 24);
  });

  it("count years by the calendar, and the grace period from the warning", () => {
    const now = new Date("2028-02-29T04:00:00Z");
    const cutoffs = retentionCutoffs(now);
    expect(cutoffs.inactiveSince.toISOString()).toBe("2025-03-01T04:00:00.000Z");
    expect(cutoffs.warnedBefore.toISOString()).toBe("2028-01-30T04:00:00.000Z");
    expect(cutoffs.rateLimitsBefore.toISOString()).toBe("2028-02-28T04:00:00.000Z");
    expect(erasureDateAfterWarning(new Date("2026-11-29T04:20:00Z")).toISOString()).toBe("2026-12-29T04:20:00.000Z");
  });

  it("are written as a person would say them", () => {
    expect(period(1, "day")).toBe("1 day");
    expect(period(3, "year")).toBe("3 years");
  });
});
