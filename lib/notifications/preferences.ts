import "server-only";
// What each member chooses to be e-mailed about: per topic (a kind of notification, or "anything
// else"), at once, in the daily digest, or never. No row: the rule's default. Also the one-click
// unsubscribe, which the link's signature authorises in place of a sign-in.
import { audit } from "@/lib/audit";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { db, type DatabaseTransaction } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { EmailDelivery } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AUDIENCE_HEADINGS, kindsOf, ruleOf, TOPICS, type Audience, type Topic } from "./email-rules";
import { PREFERENCES_PATH } from "./notifications";
import { DIGEST_STREAM, NEW_PROJECTS_STREAM, readUnsubscribeToken, type MailStream } from "./unsubscribe-link";

export interface TopicChoice {
  topic: Topic;
  label: string;
  default: EmailDelivery;
  chosen: EmailDelivery;
}

export interface PreferenceGroup {
  audience: Audience;
  heading: string;
  topics: TopicChoice[];
}

/** The actor's choices, grouped as the page shows them. One statement. */
export async function getNotificationPreferences(actor: AuthzActor | null): Promise<PreferenceGroup[]> {
  assertCan(actor, "notifications.preferences", { ownerId: actor?.id });
  const rows = await db.notificationPreference.findMany({ where: { userId: actor.id }, select: { kind: true, delivery: true } });
  const chosen = new Map(rows.map((row) => [row.kind, row.delivery]));
  const groups = new Map<Audience, PreferenceGroup>();
  for (const topic of TOPICS) {
    const rule = ruleOf(topic);
    const group = groups.get(rule.audience) ?? { audience: rule.audience, heading: AUDIENCE_HEADINGS[rule.audience], topics: [] };
    group.topics.push({ topic, label: rule.label, default: rule.delivery, chosen: chosen.get(topic) ?? rule.delivery });
    groups.set(rule.audience, group);
  }
  return (Object.keys(AUDIENCE_HEADINGS) as Audience[]).flatMap((audience) => groups.get(audience) ?? []);
}

/** Notifications waiting for a digest that a topic set to "never" should no longer send. */
async function dropFromDigest(tx: DatabaseTransaction, userId: string, topics: readonly Topic[]): Promise<void> {
  if (topics.length === 0) return;
  await tx.notification.updateMany({
    where: { userId, inDigest: true, emailedAt: null, OR: topics.map((topic) => ({ kind: kindsOf(topic) })) },
    data: { inDigest: false },
  });
}

/**
 * Saves every choice at once: a choice equal to the default is kept as no row, so a default
 * changed later reaches everyone who never chose. A constant number of statements.
 */
export async function saveNotificationPreferences(actor: AuthzActor | null, choices: Record<Topic, EmailDelivery>): Promise<void> {
  assertCan(actor, "notifications.preferences", { ownerId: actor?.id });
  const own = TOPICS.filter((topic) => choices[topic] !== ruleOf(topic).delivery);
  await db.$transaction(async (tx) => {
    const before = await tx.notificationPreference.findMany({ where: { userId: actor.id }, select: { kind: true, delivery: true } });
    await tx.notificationPreference.deleteMany({ where: { userId: actor.id } });
    await tx.notificationPreference.createMany({ data: own.map((topic) => ({ userId: actor.id, kind: topic, delivery: choices[topic] })) });
    await dropFromDigest(
      tx,
      actor.id,
      TOPICS.filter((topic) => choices[topic] === "NEVER"),
    );
    await audit(tx, {
      actorId: actor.id,
      action: "notifications.preferencesChanged",
      entityType: "User",
      entityId: actor.id,
      before: Object.fromEntries(before.map((row) => [row.kind, row.delivery])),
      after: Object.fromEntries(own.map((topic) => [topic, choices[topic]])) as Prisma.InputJsonObject,
    });
  });
}

export interface UnsubscribeView {
  /** What the link stops, in words: "e-mails about …". */
  what: string;
  /** Whether it is stopped already. */
  stopped: boolean;
  /** Where the member chooses again (signed in). */
  settingsPath: string;
}

function describe(stream: MailStream): string {
  if (stream === DIGEST_STREAM) return "the daily digest of your notifications";
  if (stream === NEW_PROJECTS_STREAM) return "the weekly e-mail about new projects";
  return `e-mails when ${ruleOf(stream).label.charAt(0).toLowerCase()}${ruleOf(stream).label.slice(1)}`;
}

/** The new-projects e-mail is a consent on the profile; everything else a choice on the preferences page. */
function settingsPathOf(stream: MailStream): string {
  return stream === NEW_PROJECTS_STREAM ? "/dashboard/profile" : PREFERENCES_PATH;
}

/** What an unsubscribe link stops, for its page; an edited link or a closed account is not found. Two statements. */
export async function readUnsubscribeLink(token: string): Promise<UnsubscribeView> {
  const link = readUnsubscribeToken(token);
  if (!link) throw new NotFoundError("That link");
  const member = await db.user.findFirst({ where: { id: link.userId, deletedAt: null }, select: { id: true } });
  if (!member) throw new NotFoundError("That link");
  return { what: describe(link.stream), stopped: await isStopped(link.userId, link.stream), settingsPath: settingsPathOf(link.stream) };
}

async function isStopped(userId: string, stream: MailStream): Promise<boolean> {
  if (stream === NEW_PROJECTS_STREAM) {
    return !(await db.traineeProfile.findUnique({ where: { userId }, select: { contactConsent: true } }))?.contactConsent;
  }
  const rows = await db.notificationPreference.findMany({ where: { userId }, select: { kind: true, delivery: true } });
  const chosen = new Map(rows.map((row) => [row.kind, row.delivery]));
  const deliveryOf = (topic: Topic) => chosen.get(topic) ?? ruleOf(topic).delivery;
  if (stream === DIGEST_STREAM) return TOPICS.every((topic) => deliveryOf(topic) !== "DAILY_DIGEST");
  return deliveryOf(stream) === "NEVER";
}

/**
 * Stops what the link names (RFC 8058 one-click, or the page's button): that topic set to never;
 * for the digest, every topic now in the digest; for new projects, the consent on the profile.
 * No sign-in: the link's signature says which member, and it can only ever stop e-mails.
 */
export async function unsubscribe(token: string): Promise<UnsubscribeView> {
  const link = readUnsubscribeToken(token);
  if (!link) throw new NotFoundError("That link");
  const { userId, stream } = link;
  // The signature stands for the member: they act on their own preferences.
  const member: AuthzActor = { id: userId, role: "MEMBER" };
  assertCan(member, "notifications.preferences", { ownerId: userId });
  await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, deletedAt: null }, select: { id: true } });
    if (!user) throw new NotFoundError("That link");
    if (stream === NEW_PROJECTS_STREAM) {
      await tx.traineeProfile.updateMany({ where: { userId }, data: { contactConsent: false } });
    } else {
      const rows = await tx.notificationPreference.findMany({ where: { userId }, select: { kind: true, delivery: true } });
      const chosen = new Map(rows.map((row) => [row.kind, row.delivery]));
      const topics =
        stream === DIGEST_STREAM ? TOPICS.filter((topic) => (chosen.get(topic) ?? ruleOf(topic).delivery) === "DAILY_DIGEST") : [stream];
      await tx.notificationPreference.deleteMany({ where: { userId, kind: { in: [...topics] } } });
      await tx.notificationPreference.createMany({ data: topics.map((topic) => ({ userId, kind: topic, delivery: "NEVER" as const })) });
      await dropFromDigest(tx, userId, stream === DIGEST_STREAM ? TOPICS : topics);
    }
    await audit(tx, { actorId: userId, action: "notifications.unsubscribed", entityType: "User", entityId: userId, after: { stream } });
  });
  return { what: describe(stream), stopped: true, settingsPath: settingsPathOf(stream) };
}
