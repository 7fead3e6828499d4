// How long the portal keeps each kind of personal data. The privacy notice states these
// numbers and the scheduled tasks (lib/jobs/tasks.ts) enforce them, both reading this one
// module, so the page and the code cannot disagree. See docs/decisions/014-retention.md.
// No "server-only": the page renders these and unit tests read them.

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const RETENTION = {
  /** An account nobody has signed in to for this long (counted from sign-up if never) is warned. */
  inactiveAccountYears: 3,
  /** Days between that warning and the erasure, if nobody signs in meanwhile. */
  inactivityGraceDays: 30,
  /** Sent and failed e-mails, kept for support ("did my invitation go out?"). */
  emailDays: 90,
  /** A sign-in lasts this long at most; its record is removed when it ends. */
  sessionHours: 12,
  /** Single-use links (confirm an address, reset a password): removed this long after they stop working. */
  accountLinkDays: 7,
  /** Counts of failed sign-ins and requests (they name an e-mail or network address): removed after this. */
  rateLimitHours: 24,
  /** Invitations that expired, were declined or were withdrawn: removed this long after. */
  closedInvitationDays: 90,
} as const;

export type Retention = { readonly [K in keyof typeof RETENTION]: number };

/** `years` calendar years before `now` (UTC), so a leap day never shortens the period. */
function yearsBefore(now: Date, years: number): Date {
  const then = new Date(now.getTime());
  then.setUTCFullYear(then.getUTCFullYear() - years);
  return then;
}

/** The moments before which each kind of record is due, at `now`. */
export function retentionCutoffs(now: Date, retention: Retention = RETENTION) {
  return {
    /** Accounts last used at or before this are warned. */
    inactiveSince: yearsBefore(now, retention.inactiveAccountYears),
    /** Accounts warned at or before this, and still unused, are erased. */
    warnedBefore: new Date(now.getTime() - retention.inactivityGraceDays * DAY),
    emailsBefore: new Date(now.getTime() - retention.emailDays * DAY),
    accountLinksBefore: new Date(now.getTime() - retention.accountLinkDays * DAY),
    rateLimitsBefore: new Date(now.getTime() - retention.rateLimitHours * HOUR),
    closedInvitationsBefore: new Date(now.getTime() - retention.closedInvitationDays * DAY),
  };
}

/** The day an account warned at `warnedAt` will be erased if nobody signs in. */
export function erasureDateAfterWarning(warnedAt: Date, retention: Retention = RETENTION): Date {
  return new Date(warnedAt.getTime() + retention.inactivityGraceDays * DAY);
}

/** "3 years", "1 day", "90 days": how the notice and the e-mails say a period. */
export function period(amount: number, unit: "year" | "day" | "hour"): string {
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}

export interface RetentionRow {
  what: string;
  kept: string;
}

/** The privacy notice's table of how long each kind of data is kept, in words, from RETENTION. */
export function retentionSchedule(retention: Retention = RETENTION): RetentionRow[] {
  const inactive = period(retention.inactiveAccountYears, "year");
  const grace = period(retention.inactivityGraceDays, "day");
  return [
    {
      what: "Your account and profile (name, e-mail address, grade, region, hospital, GMC number, ORCID iD, interests)",
      kept: `Until you delete your account. If nobody signs in to it for ${inactive} (counted from when you signed up, if you never did), we e-mail you; if nobody signs in within ${grace} of that e-mail, we erase the account just as if you had deleted it.`,
    },
    {
      what: "Your part in projects (role, contribution, the hospital you took part from), proposals, reviews and the log of changes",
      kept: "For as long as the portal holds the research they belong to, because published research must be able to show who took part. When your account is erased your name, e-mail address and other details are removed from them: they then say “Former member”. Author lists already published stay as they were published.",
    },
    {
      what: "Notifications in the portal and your choices of what to be e-mailed about",
      kept: "Until your account is erased.",
    },
    {
      what: "Your sign-ins (which browser, when)",
      kept: `Until you sign out, or ${period(retention.sessionHours, "hour")} after you signed in, whichever comes first.`,
    },
    {
      what: "E-mails we sent you (a copy, for support)",
      kept: `${period(retention.emailDays, "day")} after they were sent, or until your account is erased.`,
    },
    {
      what: "Links we e-mail you to confirm an address or reset a password",
      kept: `${period(retention.accountLinkDays, "day")} after the link was used or stopped working.`,
    },
    {
      what: "Counts of failed sign-ins and requests, which name an e-mail address or network address",
      kept: `${period(retention.rateLimitHours, "hour")} from the first attempt they count.`,
    },
    {
      what: "Invitations to join a project, which hold the address invited",
      kept: `Until they are accepted (they then become part of your account), or ${period(retention.closedInvitationDays, "day")} after they expired, were declined or were withdrawn.`,
    },
  ];
}
