import "server-only";
// The one-click "stop e-mails like this one" link (RFC 8058). It carries the member and what to
// stop, signed with a key derived from AUTH_SECRET: the signature stands in for signing in, so
// the link works from the mail client without a session, and an edited link is not found.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { signingSecret } from "@/lib/env";
import { absoluteUrl } from "@/lib/mail/compose";
import { isTopic, type Topic } from "./email-rules";

/** Besides the notification topics: the daily digest as a whole, and the weekly new-projects e-mail. */
export const DIGEST_STREAM = "digest";
export const NEW_PROJECTS_STREAM = "projects.new";
export type MailStream = Topic | typeof DIGEST_STREAM | typeof NEW_PROJECTS_STREAM;

export function isMailStream(value: string): value is MailStream {
  return value === DIGEST_STREAM || value === NEW_PROJECTS_STREAM || isTopic(value);
}

function key(): Buffer {
  const secret = signingSecret();
  return createHash("sha256").update(`radiant-unsubscribe:${secret}`).digest();
}

function signature(userId: string, stream: string): Buffer {
  return createHmac("sha256", key()).update(`${userId}\n${stream}`).digest();
}

/** The link's last path segment: member, what to stop, and the signature of both. */
export function unsubscribeToken(userId: string, stream: MailStream): string {
  return [userId, Buffer.from(stream, "utf8").toString("base64url"), signature(userId, stream).toString("base64url")].join(".");
}

/** The page a person opens from the e-mail; a POST to it stops the e-mails at once (the List-Unsubscribe address). */
export function unsubscribeUrl(userId: string, stream: MailStream): string {
  return absoluteUrl(`/unsubscribe/${unsubscribeToken(userId, stream)}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The member and stream a token names, or null when it is malformed or its signature does not match. */
export function readUnsubscribeToken(token: string): { userId: string; stream: MailStream } | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [userId, encodedStream, encodedSignature] = parts as [string, string, string];
  if (!UUID.test(userId) || !/^[A-Za-z0-9_-]{1,200}$/.test(encodedStream) || !/^[A-Za-z0-9_-]{43}$/.test(encodedSignature)) return null;
  const stream = Buffer.from(encodedStream, "base64url").toString("utf8");
  if (!isMailStream(stream)) return null;
  const given = Buffer.from(encodedSignature, "base64url");
  const expected = signature(userId, stream);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, stream };
}
