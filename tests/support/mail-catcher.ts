// The end-to-end tests' mailbox: a real SMTP server the portal sends to (SMTP_URL), and a small
// HTTP server from which tests read what arrived (tests/e2e/fixtures.ts, `readMailbox`).
// Started by playwright.config.ts beside the portal.
import { createServer } from "node:http";
import { startSmtpSink } from "./smtp";

const smtpPort = Number(process.argv[2] ?? 3211);
const httpPort = Number(process.argv[3] ?? 3212);
const sink = await startSmtpSink({ port: smtpPort, refuse: (to) => to.endsWith("@refused.example") });

createServer((request, response) => {
  if (request.url === "/health") {
    response.end("ok");
    return;
  }
  if (request.url === "/messages") {
    response.setHeader("content-type", "application/json");
    response.end(
      JSON.stringify(
        sink.received.map(({ to, from, subject, text, html, messageId, rawHeaders }) => ({
          to,
          from,
          subject,
          text,
          html,
          messageId,
          listUnsubscribe: rawHeaders["list-unsubscribe"] ?? null,
          listUnsubscribePost: rawHeaders["list-unsubscribe-post"] ?? null,
        })),
      ),
    );
    return;
  }
  response.statusCode = 404;
  response.end();
}).listen(httpPort, "127.0.0.1", () => console.log(`mail catcher: smtp ${smtpPort}, http ${httpPort}`));
