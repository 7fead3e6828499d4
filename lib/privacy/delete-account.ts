import "server-only";
import type { Actor } from "@/lib/auth/session";
import { assertCan } from "@/lib/authz";
import { db, type DatabaseTransaction } from "@/lib/db";
import { confirmCurrentPassword } from "@/lib/users/reauthenticate";

export const FORMER_MEMBER_NAME = "Former member";

/** Who erased the accounts: the member themselves, or the retention rule for unused accounts. */
export type ErasedBy = { kind: "member" } | { kind: "retention"; reason: string };

/**
 * Erases the personal data of `userIds` (UK GDPR right to erasure) and closes the accounts,
 * inside `tx`. The one way an account is erased: the member's own deletion and the retention
 * rule (lib/privacy/inactive-accounts.ts) both call it. Kept, without the name: the facts
 * research outputs depend on, that a collaborator from a given hospital took part in a
 * project, with what role and contribution. Author lists published before stay as they were
 * printed; the portal shows "Former member" from now on.
 *
 * A fixed number of statements however many accounts: each is one set-based statement.
 * Accounts already erased are left alone, so erasing twice records one erasure.
 */
export async function eraseAccounts(tx: DatabaseTransaction, userIds: readonly string[], by: ErasedBy, now: Date = new Date()): Promise<string[]> {
  if (userIds.length === 0) return [];
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM "User" WHERE id = ANY(${[...userIds]}::uuid[]) AND "deletedAt" IS NULL ORDER BY id FOR UPDATE`;
  const ids = locked.map((row) => row.id);
  if (ids.length === 0) return [];

  // First what is found by the member's address, while it is still on the account.
  // Invitations to them carry their address: erased.
  await tx.$executeRaw`
    DELETE FROM "Invitation" i USING "User" u
     WHERE u.id = ANY(${ids}::uuid[]) AND (i."inviteeId" = u.id OR i.email = u.email)`;
  // Attempts counted against the address (sign-in, resets) name it.
  await tx.$executeRaw`
    DELETE FROM "RateLimit" r USING "User" u
     WHERE u.id = ANY(${ids}::uuid[]) AND right(r.key, length(u.email) + 1) = ':' || u.email`;
  // E-mails kept for support hold the name and address; one still queued is then not sent.
  await tx.$executeRaw`
    DELETE FROM "EmailMessage" m USING "User" u
     WHERE u.id = ANY(${ids}::uuid[]) AND (m."userId" = u.id OR m."to" = u.email)`;
  await tx.$executeRaw`
    UPDATE "User"
       SET name = ${FORMER_MEMBER_NAME},
           email = 'deleted-' || id::text || '@deleted.invalid',
           "passwordHash" = NULL,
           image = NULL,
           "emailVerified" = NULL,
           "lastSignInAt" = NULL,
           "inactivityWarnedAt" = NULL,
           "deletedAt" = ${now},
           "sessionVersion" = "sessionVersion" + 1,
           "updatedAt" = ${now}
     WHERE id = ANY(${ids}::uuid[])`;
  await tx.traineeProfile.updateMany({
    where: { userId: { in: ids } },
    data: {
      gmcNumber: null,
      pendingGmcNumber: null,
      orcid: null,
      authorSurname: null,
      authorInitials: null,
      modalities: [],
      subspecialties: [],
      contactConsent: false,
    },
  });
  // Certificates state the holder's name and GMC number: erase them there too.
  await tx.$executeRaw`
    UPDATE "Certificate"
       SET statement = statement || jsonb_build_object('traineeName', ${FORMER_MEMBER_NAME}::text, 'gmcNumber', NULL)
     WHERE "holderId" = ANY(${ids}::uuid[])`;
  // Others' certificates they signed as project lead: the signature line goes back to "The project lead".
  await tx.$executeRaw`
    UPDATE "Certificate"
       SET statement = statement || jsonb_build_object('projectLead', NULL, 'projectLeadId', NULL)
     WHERE statement->>'projectLeadId' = ANY(${ids}::text[])`;
  // A request to join that nobody answered yet is withdrawn, as leaving would: the site lead is not
  // left to decide on (and read the grade, home and region of) someone who is gone.
  await tx.collaboration.updateMany({ where: { userId: { in: ids }, status: "REQUESTED" }, data: { status: "LEFT", decidedAt: now } });
  await tx.notification.deleteMany({ where: { userId: { in: ids } } });
  // An erased account observes no site any more (it could not sign in to, and the site's team
  // should not list a "former member" among those who see its pages).
  await tx.siteObserver.deleteMany({ where: { userId: { in: ids } } });
  // Frozen author lists keep the name as printed (the privacy notice promises it), but not what the
  // person wrote when asking for a correction.
  await tx.authorListEntry.updateMany({ where: { userId: { in: ids }, correction: { not: null } }, data: { correction: null } });
  // Invitations they sent and nobody answered yet are withdrawn.
  await tx.invitation.updateMany({ where: { invitedById: { in: ids }, status: "PENDING" }, data: { status: "WITHDRAWN", decidedAt: now } });
  await tx.siteInterest.deleteMany({ where: { userId: { in: ids } } });
  // A hospital they asked for and nobody decided yet: closed, their note erased, offered to nobody.
  await tx.$executeRaw`
    UPDATE "Site" s SET listing = 'RETIRED', "retiredAt" = ${now}
      FROM "HospitalRequest" r
     WHERE r."siteId" = s.id AND r."requestedById" = ANY(${ids}::uuid[]) AND r.status = 'PENDING' AND s.listing = 'REQUESTED'`;
  await tx.hospitalRequest.updateMany({
    where: { requestedById: { in: ids }, status: "PENDING" },
    data: { status: "DECLINED", note: "", decisionNote: "The member deleted their account.", decidedAt: now },
  });
  await tx.session.deleteMany({ where: { userId: { in: ids } } });
  await tx.account.deleteMany({ where: { userId: { in: ids } } });
  // Links already sent (to confirm an address, reset a password) must not open a closed account.
  await tx.accountToken.deleteMany({ where: { userId: { in: ids } } });
  // The audit trail keeps who did what, but not the personal details they entered.
  await tx.auditEvent.updateMany({
    where: { entityId: { in: ids }, entityType: { in: ["User", "TraineeProfile"] } },
    data: { before: { erased: true }, after: { erased: true } },
  });
  await tx.auditEvent.createMany({
    data: ids.map((id) => ({
      actorId: by.kind === "member" ? id : null,
      action: "user.deleted",
      entityType: "User",
      entityId: id,
      ...(by.kind === "retention" ? { after: { reason: by.reason } } : {}),
    })),
  });
  return ids;
}

/** The member deletes their own account, after re-entering their password. */
export async function deleteMyAccount(actor: Actor, password: string): Promise<void> {
  assertCan(actor, "profile.update", { ownerId: actor.id });
  await confirmCurrentPassword(actor.id, password, "password", "Your password is not right");
  await db.$transaction((tx) => eraseAccounts(tx, [actor.id], { kind: "member" }));
}
