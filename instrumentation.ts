// Runs once when the server starts: a wrong environment stops it with a clear message; then
// this process starts delivering mail and running the scheduled jobs (lib/jobs).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressHeader } = await import("@/lib/security/peer-address");
  installPeerAddressHeader();
  const { readEnv, productionProblems } = await import("@/lib/env");
  const env = readEnv();
  if (process.env.NODE_ENV === "production") {
    const problems = productionProblems(env);
    if (problems.length > 0) throw new Error(`The portal cannot start:\n  ${problems.join("\n  ")}`);
  }
  const { startJobQueue, startJobWorkers } = await import("@/lib/jobs/workers");
  await startJobQueue();
  if (env.RADIANT_JOB_WORKER === "1") await startJobWorkers();
}
