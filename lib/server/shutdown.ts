// What this process does on SIGTERM (a deployment, a restart) or SIGINT: stop taking new
// connections, let the requests in flight finish, let the job workers finish the job in hand,
// then exit 0. Next.js's own handler (used unless NEXT_MANUAL_SIG_HANDLE is set) also drains the
// HTTP server, but exits 143 without stopping pg-boss, cutting an e-mail off mid-delivery.
// See docs/decisions/015-operations.md.
import { settings } from "@/lib/env";
import { log } from "@/lib/log";
import { within } from "@/lib/time/within";
import { requestsInFlight, servingHttpServers, whenNoRequestsInFlight } from "./requests";

/** How long requests in flight are given before the process exits anyway. */
export const DRAIN_TIMEOUT_MS = 25_000;

const installed = globalThis as unknown as { radiantShutdown?: boolean };

/**
 * Takes over SIGTERM and SIGINT, which Next.js leaves to the app when NEXT_MANUAL_SIG_HANDLE is
 * set (`npm run start` sets it). `stopJobs` stops the job workers and closes the queue;
 * `stopListening` closes the public cache's LISTEN connection once the last request is answered.
 */
export function installGracefulShutdown(stopJobs: () => Promise<void>, stopListening: () => Promise<void> = async () => undefined): void {
  if (installed.radiantShutdown || !settings().NEXT_MANUAL_SIG_HANDLE) return;
  installed.radiantShutdown = true;
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log("info", "shutdown.started", { signal, inFlight: requestsInFlight() });
    void (async () => {
      // No new connections; connections idle between keep-alive requests are closed now.
      for (const server of servingHttpServers()) server.close();
      const [requests, jobs] = await Promise.all([
        within(whenNoRequestsInFlight(), DRAIN_TIMEOUT_MS),
        within(
          stopJobs().then(
            () => "stopped" as const,
            () => "failed" as const,
          ),
          DRAIN_TIMEOUT_MS,
        ),
      ]);
      // Keep-alive connections whose last request has been answered.
      for (const server of servingHttpServers()) server.closeAllConnections();
      await within(stopListening().catch(() => undefined), DRAIN_TIMEOUT_MS);
      const clean = requests !== "timed out" && jobs === "stopped";
      log(clean ? "info" : "warn", "shutdown.finished", { signal, inFlight: requestsInFlight(), outcome: clean ? "completed" : "failed" });
      process.exit(clean ? 0 : 1);
    })();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}
