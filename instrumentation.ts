// Runs once when the server starts: a wrong environment stops it with a clear message; then
// this process starts delivering mail and running the scheduled jobs (lib/jobs), listens for the
// writes that change the public pages' cache (lib/cache), logs each
// request as one JSON line (lib/server/requests.ts), and shuts down gracefully on SIGTERM.
import type { Instrumentation } from "next";

export async function register() {
  // NEXT_RUNTIME and NODE_ENV are Next.js's, fixed for each bundle when it builds: not settings (lib/env).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressHeader } = await import("@/lib/security/peer-address");
  installPeerAddressHeader();
  const { settings, productionProblems } = await import("@/lib/env");
  // The first reading of the settings: a wrong one stops the start here, with its name.
  const env = settings();
  const { installRequestHooks } = await import("@/lib/server/requests");
  installRequestHooks({ trustedProxies: env.RADIANT_TRUSTED_PROXIES });
  if (process.env.NODE_ENV === "production") {
    const problems = productionProblems(env);
    if (problems.length > 0) throw new Error(`The portal cannot start:\n  ${problems.join("\n  ")}`);
  }
  const { startJobQueue, startJobWorkers, stopJobQueue } = await import("@/lib/jobs/workers");
  await startJobQueue();
  if (env.RADIANT_JOB_WORKER === "1") await startJobWorkers();
  // The public pages' cache is served only while this process hears every write's notification.
  const { startPublicCacheListener, stopPublicCacheListener } = await import("@/lib/cache/listener");
  await startPublicCacheListener();
  const { installGracefulShutdown } = await import("@/lib/server/shutdown");
  installGracefulShutdown(stopJobQueue, stopPublicCacheListener);
}

/** A server error: one line with the request's id and the digest the error page shows the member. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("@/lib/server/request-error");
  logRequestError(error, request, context);
};
