// The benchmark's ceiling (scripts/bench.ts): a page of the portal prerendered when it builds,
// served as it is to every request. It is shown only where RADIANT_BENCH=1; elsewhere proxy.ts
// answers "page not found" for it, because a prerendered page cannot read a setting per request.
// See docs/decisions/039-benchmark-ceiling.md.
import type { Settings } from "@/lib/env";

export const BENCH_PAGE_PATH = "/bench/prerendered";

/** Whether `pathname` is the benchmark's page (or one of its RSC or segment files). */
export function isBenchPage(pathname: string): boolean {
  if (!pathname.startsWith(BENCH_PAGE_PATH)) return false;
  const rest = pathname.slice(BENCH_PAGE_PATH.length);
  return rest === "" || rest.startsWith("/") || rest.startsWith(".");
}

/** Whether a request for `pathname` must be answered "page not found": the benchmark's page with the setting off. */
export function hidesBenchPage(pathname: string, env: Pick<Settings, "RADIANT_BENCH">): boolean {
  return env.RADIANT_BENCH !== "1" && isBenchPage(pathname);
}
