import "server-only";
// Scheduled removal of records past their retention (lib/privacy/retention.ts). Each is one
// set-based statement, safe to run twice or from two processes at once.
import { db } from "@/lib/db";
import { retentionCutoffs } from "./retention";

/** Single-use links that stopped working (expired, or used) over the retention period ago. */
export async function purgeOldAccountLinks(now: Date): Promise<number> {
  const { accountLinksBefore } = retentionCutoffs(now);
  const { count } = await db.accountToken.deleteMany({
    where: { OR: [{ expiresAt: { lte: accountLinksBefore } }, { usedAt: { lte: accountLinksBefore } }] },
  });
  return count;
}

/**
 * Counts of attempts whose window began over the retention period ago. Every limit's window is
 * shorter (a test holds it so), so a removed row counted nothing any more: removing it is the
 * same as its window ending.
 */
export async function purgeOldRateLimits(now: Date): Promise<number> {
  const { rateLimitsBefore } = retentionCutoffs(now);
  const { count } = await db.rateLimit.deleteMany({ where: { windowStart: { lte: rateLimitsBefore } } });
  return count;
}

/** Invitations that expired, were declined or were withdrawn over the retention period ago (they hold an address). */
export async function purgeClosedInvitations(now: Date): Promise<number> {
  const { closedInvitationsBefore } = retentionCutoffs(now);
  const { count } = await db.invitation.deleteMany({
    where: {
      OR: [
        { status: { in: ["DECLINED", "WITHDRAWN", "EXPIRED"] }, decidedAt: { lte: closedInvitationsBefore } },
        // Past its date but not yet marked expired (the marking task has not run): closed all the same.
        { status: { in: ["PENDING", "EXPIRED"] }, expiresAt: { lte: closedInvitationsBefore } },
      ],
    },
  });
  return count;
}
