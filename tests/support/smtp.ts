// A real SMTP server in the test's process (smtp-server), keeping what it receives parsed
// (mailparser), so tests assert what a person's mailbox would show.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedEmail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Map<string, unknown>;
  /** Each header as it was sent, by its lower-cased name (mailparser folds List-* headers into one "list" object). */
  rawHeaders: Record<string, string>;
}

export interface SmtpSink {
  url: string;
  port: number;
  received: ReceivedEmail[];
  /** Resolves with the first message matching, waiting for it to arrive. */
  waitFor(match: (email: ReceivedEmail) => boolean, timeoutMs?: number): Promise<ReceivedEmail>;
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  port?: number;
  /** Recipients refused for good with a 550 reply. */
  refuse?: (recipient: string) => boolean;
  /** Recipients refused for now with a 451 reply. */
  deferred?: (recipient: string) => boolean;
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedEmail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const recipient = address.address.toLowerCase();
      if (options.refuse?.(recipient)) return callback(Object.assign(new Error("No such mailbox here"), { responseCode: 550 }));
      if (options.deferred?.(recipient)) return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = [parsed.to].flat().flatMap((group) => group?.value.map((entry) => entry.address?.toLowerCase() ?? "") ?? []);
          received.push({
            to,
            from: parsed.from?.text ?? "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            messageId: parsed.messageId ?? "",
            headers: parsed.headers,
            rawHeaders: Object.fromEntries(
              parsed.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(":") + 1).replace(/\r?\n\s+/g, " ").trim()]),
            ),
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  // A script that is done should not wait for its mail server to close.
  server.server.unref();
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    waitFor(match, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`No matching e-mail arrived in ${timeoutMs} ms; received: ${received.map((email) => `${email.to.join(",")} «${email.subject}»`).join("; ") || "nothing"}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
