// Where e-mail goes: the SMTP server of SMTP_URL, through Nodemailer; or, in development with no
// SMTP_URL, nowhere: the outbox row is the message, read on the development mailbox page.
import nodemailer, { type Transporter } from "nodemailer";
import { settings } from "@/lib/env";

export interface OutgoingMessage {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export type MailTransport =
  | { kind: "smtp"; send(message: OutgoingMessage): Promise<void> }
  | { kind: "mailbox"; send(message: OutgoingMessage): Promise<void> };

/** Whether mail stays in the development mailbox: development (or a test) with no SMTP_URL. */
export function usesDevelopmentMailbox(): boolean {
  // NODE_ENV is not a setting: Next.js fixes it when it builds (and a test runner sets it).
  return !settings().SMTP_URL && process.env.NODE_ENV !== "production";
}

const globalForMail = globalThis as unknown as { radiantSmtp?: { url: string; transporter: Transporter } };

function smtpTransporter(url: string): Transporter {
  if (globalForMail.radiantSmtp?.url !== url) {
    globalForMail.radiantSmtp?.transporter.close();
    globalForMail.radiantSmtp = {
      url,
      transporter: nodemailer.createTransport(withTimeouts(url)),
    };
  }
  return globalForMail.radiantSmtp.transporter;
}

/** Nodemailer reads its timeouts from the URL's query as well: a silent server must not hold a job for minutes. */
function withTimeouts(url: string): string {
  const parsed = new URL(url);
  for (const [name, value] of [["connectionTimeout", "15000"], ["greetingTimeout", "15000"], ["socketTimeout", "30000"]] as const) {
    if (!parsed.searchParams.has(name)) parsed.searchParams.set(name, value);
  }
  return parsed.toString();
}

export function mailTransport(): MailTransport {
  const env = settings();
  if (!env.SMTP_URL) {
    if (process.env.NODE_ENV === "production") throw new Error("SMTP_URL is not set");
    return { kind: "mailbox", send: async () => undefined };
  }
  const transporter = smtpTransporter(env.SMTP_URL);
  return {
    kind: "smtp",
    async send(message) {
      await transporter.sendMail({ from: env.MAIL_FROM, ...message });
    },
  };
}

/**
 * Whether the SMTP server refused the message for good (a 5xx reply, such as an unknown
 * recipient): retrying would not help. Connection failures and 4xx replies are worth retrying.
 */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
