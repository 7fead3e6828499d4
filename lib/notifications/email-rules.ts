// How each kind of notification reaches people by e-mail: one row per kind, beside the kinds
// (./notifications.ts). What needs the person to act is e-mailed at once by default; the rest
// waits for the daily digest. A member may choose otherwise per kind (NotificationPreference,
// no row: the default here). A kind with no row falls under "anything else": the daily digest,
// so a kind added later is never e-mailed at once unasked, and never lost either.
// Pure data: the preferences form and the validation read it too.
import type { EmailDelivery } from "@/lib/generated/prisma/enums";
import type { NotificationKind } from "./notifications";

/** Who a kind of notification goes to, as the preferences page groups them. */
export type Audience = "member" | "siteLead" | "projectLead" | "committee";

export const AUDIENCE_HEADINGS: Record<Audience, string> = {
  member: "Your place on projects and in the portal",
  siteLead: "When you lead a site",
  projectLead: "When you lead a project",
  committee: "When you are on the committee",
};

export interface EmailRule {
  /** What the person is told about, as the preferences page lists it. */
  label: string;
  audience: Audience;
  /** The e-mail when the member has not chosen: at once for what needs them to act, else the daily digest. */
  delivery: EmailDelivery;
  /** The subject of the e-mail sent at once. */
  subject: string;
  /** The label of the e-mail's link, which opens the notification where it points. */
  action: string;
  /** Why this person is told, the first half of the e-mail's closing line. */
  because: string;
}

/**
 * Sent by their own module, always and at once (like account and security mail), never by
 * notify(): the invitation e-mail (lib/invitations) asks the person to accept a place, and
 * reaches addresses that have no account yet; the answer to a request for a missing hospital
 * (lib/reference/hospital-requests) changes the member's home hospital.
 */
export const SENT_BY_THEIR_OWN_MODULE: readonly NotificationKind[] = ["invitation.received", "hospitalRequest.decided"];

export const EMAIL_RULES = {
  // Needs the person to act: at once.
  "authorList.frozen": {
    label: "An author list you are on is frozen for publication: confirm your name or ask for a correction",
    audience: "member",
    delivery: "IMMEDIATE",
    subject: "Check your name on an author list",
    action: "Check your name",
    because: "You are on this project's author list.",
  },
  "collaboration.requested": {
    label: "A trainee asks to join a site you lead",
    audience: "siteLead",
    delivery: "IMMEDIATE",
    subject: "A trainee asked to join your site",
    action: "Open the request",
    because: "You are a site lead of this hospital for this project.",
  },
  "site.progressReminder": {
    label: "Your site has recorded no cases for two weeks (a weekly reminder)",
    audience: "siteLead",
    delivery: "IMMEDIATE",
    subject: "Reminder: record your site's cases",
    action: "Record your site's cases",
    because: "You are a site lead of this hospital for this project.",
  },
  "sites.message": {
    label: "A project lead sends a message to site leads",
    audience: "siteLead",
    delivery: "IMMEDIATE",
    subject: "A message from your project lead",
    action: "Open the message",
    because: "You are a site lead for this project, and its lead sent this message to site leads.",
  },
  "site.registered": {
    label: "A hospital registers for a project you lead",
    audience: "projectLead",
    delivery: "IMMEDIATE",
    subject: "A hospital registered for your project",
    action: "Open the project",
    because: "You lead this project.",
  },
  "site.approvalsRecorded": {
    label: "A site records an item of its governance checklist and waits for your check",
    audience: "projectLead",
    delivery: "IMMEDIATE",
    subject: "A site is waiting for you to check its checklist",
    action: "Open the project",
    because: "You lead this project.",
  },
  "collaboration.escalated": {
    label: "A request to join one of your project's sites has waited a week without an answer",
    audience: "projectLead",
    delivery: "IMMEDIATE",
    subject: "A request to join has waited a week",
    action: "See the site's team",
    because: "You lead this project, and the site's leads have not answered this request for a week.",
  },
  "proposal.decided": {
    label: "The committee approves or rejects your proposal",
    audience: "projectLead",
    delivery: "IMMEDIATE",
    subject: "The committee decided on your proposal",
    action: "Open your proposal",
    because: "You lead this proposal.",
  },
  "proposal.changesRequested": {
    label: "The committee asks for changes to your proposal",
    audience: "projectLead",
    delivery: "IMMEDIATE",
    subject: "The committee asked for changes to your proposal",
    action: "Open your proposal",
    because: "You lead this proposal.",
  },
  "amendment.decided": {
    label: "The committee approves or rejects an amendment to your project",
    audience: "projectLead",
    delivery: "IMMEDIATE",
    subject: "The committee decided on your amendment",
    action: "Open the amendments",
    because: "You lead this project.",
  },
  "project.amended": {
    label: "An approved amendment changes a project you run a site for (its window, targets, methods or data items)",
    audience: "siteLead",
    delivery: "IMMEDIATE",
    subject: "A project you run a site for has changed",
    action: "Open the project",
    because: "You are a site lead for this project, and the committee approved a change to what the sites do.",
  },
  "proposal.toReview": {
    label: "A new proposal waits for review",
    audience: "committee",
    delivery: "IMMEDIATE",
    subject: "A new proposal is waiting for review",
    action: "Review the proposal",
    because: "You are on the RADIANT committee, which reviews proposals.",
  },
  "proposal.resubmitted": {
    label: "A proposal comes back for review after changes",
    audience: "committee",
    delivery: "IMMEDIATE",
    subject: "A proposal came back after changes",
    action: "Review the proposal",
    because: "You are on the RADIANT committee, which reviews proposals.",
  },
  "review.assigned": {
    label: "The chair asks you to review a proposal by a date",
    audience: "committee",
    delivery: "IMMEDIATE",
    subject: "You are asked to review a proposal",
    action: "Review the proposal",
    because: "The chair of the RADIANT committee assigned this review to you.",
  },
  "review.reminder": {
    label: "A review assigned to you is due within two days",
    audience: "committee",
    delivery: "IMMEDIATE",
    subject: "Reminder: a review is due soon",
    action: "Review the proposal",
    because: "The chair of the RADIANT committee assigned this review to you.",
  },
  "review.overdue": {
    label: "A review you assigned passes its due date without the review (for the chair)",
    audience: "committee",
    delivery: "IMMEDIATE",
    subject: "A review is overdue",
    action: "See the proposal's reviewers",
    because: "You chair the RADIANT committee, which assigns reviews.",
  },
  // Worth knowing, nothing to do: the daily digest.
  "collaboration.confirmed": {
    label: "A site lead confirms your request to join",
    audience: "member",
    delivery: "DAILY_DIGEST",
    subject: "Your request to join was confirmed",
    action: "See your research",
    because: "You asked to join this project.",
  },
  "collaboration.declined": {
    label: "A site lead declines your request to join",
    audience: "member",
    delivery: "DAILY_DIGEST",
    subject: "Your request to join was declined",
    action: "See your research",
    because: "You asked to join this project.",
  },
  "collaboration.added": {
    label: "You are added to a site's team",
    audience: "member",
    delivery: "DAILY_DIGEST",
    subject: "You were added to a team",
    action: "See your research",
    because: "You are on this site's team.",
  },
  "collaboration.roleChanged": {
    label: "Your role on a site's team changes",
    audience: "member",
    delivery: "DAILY_DIGEST",
    subject: "Your role on a team changed",
    action: "See your research",
    because: "You are on this site's team.",
  },
  "collaboration.removed": {
    label: "You are no longer on a site's team",
    audience: "member",
    delivery: "DAILY_DIGEST",
    subject: "You are no longer on a team",
    action: "See your research",
    because: "You were on this site's team.",
  },
  "user.roleChanged": {
    label: "An administrator gives you committee or administrator rights",
    audience: "member",
    delivery: "DAILY_DIGEST",
    subject: "Your rights in RADIANT changed",
    action: "Open your dashboard",
    because: "An administrator changed your rights in the portal.",
  },
  "site.actedFor": {
    label: "A project lead acts for you at your site (answers a request, records cases)",
    audience: "siteLead",
    delivery: "DAILY_DIGEST",
    subject: "A project lead acted for you at your site",
    action: "Open the site",
    because: "You are a site lead of this hospital for this project.",
  },
  "site.approved": {
    label: "The project lead checks every item of your site's governance checklist",
    audience: "siteLead",
    delivery: "DAILY_DIGEST",
    subject: "Your site's checklist is checked",
    action: "Open your site",
    because: "You are a site lead of this hospital for this project.",
  },
  "site.governanceSentBack": {
    label: "The project lead sends back an item of your site's governance checklist",
    audience: "siteLead",
    delivery: "IMMEDIATE",
    subject: "An item of your site's checklist was sent back",
    action: "Open your site",
    because: "You are a site lead of this hospital for this project.",
  },
  "project.settingsChanged": {
    label: "A project's leads change its rules (team size, cases to be citable)",
    audience: "siteLead",
    delivery: "DAILY_DIGEST",
    subject: "A project changed its rules",
    action: "Open your dashboard",
    because: "You lead this project or one of its sites.",
  },
} as const satisfies { [Kind in NotificationKind]?: EmailRule };

/** What a member chooses a delivery for: a kind with a row, or "other" for every kind without one. */
export type Topic = keyof typeof EMAIL_RULES | typeof OTHER_TOPIC;
export const OTHER_TOPIC = "other";

export const OTHER_RULE: EmailRule = {
  label: "Anything else the portal tells you",
  audience: "member",
  delivery: "DAILY_DIGEST",
  subject: "News from RADIANT",
  action: "Open it in RADIANT",
  because: "It concerns your part in RADIANT.",
};

/** Every topic in the order the preferences page shows them. */
export const TOPICS: readonly Topic[] = [...(Object.keys(EMAIL_RULES) as (keyof typeof EMAIL_RULES)[]), OTHER_TOPIC];

export function isTopic(value: string): value is Topic {
  return value === OTHER_TOPIC || Object.hasOwn(EMAIL_RULES, value);
}

/** The topic a kind's delivery is chosen under. */
export function topicOf(kind: string): Topic {
  return kind !== OTHER_TOPIC && isTopic(kind) ? kind : OTHER_TOPIC;
}

export function ruleOf(topic: Topic): EmailRule {
  return topic === OTHER_TOPIC ? OTHER_RULE : EMAIL_RULES[topic];
}

/** The kinds (among those with a row) a topic stands for; "other" stands for every kind without a row. */
export function kindsOf(topic: Topic): { in: string[] } | { notIn: string[] } {
  return topic === OTHER_TOPIC ? { notIn: Object.keys(EMAIL_RULES) } : { in: [topic] };
}

export const DELIVERY_LABELS: Record<EmailDelivery, string> = {
  IMMEDIATE: "At once",
  DAILY_DIGEST: "In a daily digest",
  NEVER: "Never (only in the portal)",
};
