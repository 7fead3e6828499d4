import "server-only";
// The retention rule for accounts nobody uses (docs/decisions/014-retention.md):
// - an account with no sign-in for RETENTION.inactiveAccountYears (counted from sign-up when
//   never signed in) is told by e-mail, once (User.inactivityWarnedAt);
// - signing in withdraws the warning (lib/auth/session-store.ts);
// - still unused RETENTION.inactivityGraceDays after the warning, it is erased exactly as the
//   member's own deletion erases it (eraseAccounts).
// Never warned nor erased: a lead of a live project (the project needs someone answerable; the
// rule applies once the project ends). Never erased: the last administrator, so that the portal
// always has someone who can run it; administrators are warned like everyone else.
// Each batch is claimed with one statement (FOR UPDATE SKIP LOCKED; the conditional update is
// the "once"), so the statements per batch are fixed and two processes never take the same row.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format/dates";
import { queueEmails } from "@/lib/mail/outbox";
import { absoluteUrl } from "@/lib/public-url";
import { eraseAccounts } from "./delete-account";
import { erasureDateAfterWarning, period, RETENTION, retentionCutoffs } from "./retention";

export const INACTIVITY_BATCH = 200;

/** Statuses of a project that still needs its leads: submitted, and not yet ended. */
const LIVE_PROJECT_STATUSES = ["SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "SITE_SETUP", "DATA_COLLECTION", "ANALYSIS"] as const;

/** Leads (or co-leads) a project that is still live. */
const leadsLiveProject = (user: Prisma.Sql) => Prisma.sql`EXISTS (
  SELECT 1 FROM "ProjectLead" pl JOIN "Project" p ON p.id = pl."projectId"
   WHERE pl."userId" = ${user} AND p.status::text IN (${Prisma.join([...LIVE_PROJECT_STATUSES])}))`;

const lastUse = (user: string) => Prisma.raw(`COALESCE(${user}."lastSignInAt", ${user}."createdAt")`);

interface WarnedAccount {
  id: string;
  name: string;
  email: string;
  lastUse: Date;
}

/** Tells each account unused for the period that it will be erased; returns how many were told. */
export async function warnInactiveAccounts(now: Date): Promise<number> {
  const { inactiveSince } = retentionCutoffs(now);
  const erasedOn = formatDate(erasureDateAfterWarning(now));
  let warned = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      const accounts = await tx.$queryRaw<WarnedAccount[]>`
        WITH due AS (
          SELECT u.id FROM "User" u
           WHERE u."deletedAt" IS NULL AND u."inactivityWarnedAt" IS NULL
             AND ${lastUse("u")} <= ${inactiveSince}
             AND NOT ${leadsLiveProject(Prisma.raw(`u.id`))}
           ORDER BY u.id
           LIMIT ${INACTIVITY_BATCH}
           FOR UPDATE OF u SKIP LOCKED
        )
        UPDATE "User" u SET "inactivityWarnedAt" = ${now}
          FROM due WHERE u.id = due.id AND u."inactivityWarnedAt" IS NULL
        RETURNING u.id::text, u.name, u.email, ${lastUse("u")} AS "lastUse"`;
      await queueEmails(
        tx,
        accounts.map((account) => ({
          to: account.email,
          userId: account.id,
          kind: "account.inactivityWarning",
          subject: `Your RADIANT account will be erased on ${erasedOn} unless you sign in`,
          greeting: `Dear ${account.name},`,
          paragraphs: [
            `Nobody has signed in to your RADIANT account (${account.email}) since ${formatDate(account.lastUse)}. We keep accounts that nobody uses for ${period(RETENTION.inactiveAccountYears, "year")}, then erase them, as our privacy notice says.`,
            `If you want to keep your account, sign in before ${erasedOn}. Nothing else is needed. If you have forgotten your password, you can set a new one from the sign-in page.`,
            `If you do nothing, on ${erasedOn} we will erase your account as if you had deleted it yourself: your name, e-mail address, GMC number, ORCID iD and interests are removed and you can no longer sign in. The projects you took part in keep a record that a collaborator from your hospital took part, without your name.`,
          ],
          action: { label: "Sign in to keep your account", url: absoluteUrl("/signin") },
          reason: "You are getting this e-mail because you have an account on the RADIANT portal that has not been used for a long time.",
        })),
      );
      if (accounts.length > 0) {
        await tx.auditEvent.createMany({
          data: accounts.map((account) => ({ actorId: null, action: "user.inactivityWarned", entityType: "User", entityId: account.id, after: { erasureFrom: erasedOn } })),
        });
      }
      return accounts.length;
    });
    warned += count;
    if (count < INACTIVITY_BATCH) return warned;
  }
}

/**
 * Erases the accounts warned at least the grace period ago and still unused; returns how many.
 * An administrator is erased only while another administrator who is not being erased remains.
 */
export async function eraseInactiveAccounts(now: Date): Promise<number> {
  const { warnedBefore } = retentionCutoffs(now);
  const erasable = (user: string) => Prisma.sql`
        ${Prisma.raw(user)}."deletedAt" IS NULL
    AND ${Prisma.raw(user)}."inactivityWarnedAt" <= ${warnedBefore}
    AND ${lastUse(user)} < ${Prisma.raw(user)}."inactivityWarnedAt"
    AND NOT ${leadsLiveProject(Prisma.raw(`${user}.id`))}`;
  const reason = `No sign-in for ${period(RETENTION.inactiveAccountYears, "year")} and none in the ${period(RETENTION.inactivityGraceDays, "day")} after the warning`;
  let erased = 0;
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      const due = await tx.$queryRaw<{ id: string }[]>`
        SELECT u.id::text FROM "User" u
         WHERE ${erasable("u")}
           AND (u.role <> 'ADMIN' OR EXISTS (
                 SELECT 1 FROM "User" a WHERE a.role = 'ADMIN' AND a."deletedAt" IS NULL AND (${erasable("a")}) IS NOT TRUE))
         ORDER BY u.id
         LIMIT ${INACTIVITY_BATCH}
         FOR UPDATE OF u SKIP LOCKED`;
      const ids = await eraseAccounts(tx, due.map((row) => row.id), { kind: "retention", reason }, now);
      return { claimed: due.length, erased: ids.length };
    });
    erased += batch.erased;
    if (batch.claimed < INACTIVITY_BATCH) return erased;
  }
}
