// Real ids for the route table's [id] pages in the end-to-end tests: the first one linked from a
// list the signed-in person can see (so a sweep opens what that person would open).
import type { Page } from "@playwright/test";
import { fill, ROUTES, segmentsOf } from "./routes";

/** The demo data's flagship project and its site at Addenbrooke's, which every role meets. */
export const DEMO_SLUG = "ctpa-yield-emergency-department";
export const DEMO_ODS = "RGT01";
/** The demo's completed project (lib/seed/credit*.ts: its author list is frozen, versions 1 and 2). */
const DEMO_COMPLETED_SLUG = "us-guided-biopsy-complications";

/** The list each [id] page is reached from. */
const ID_SOURCES: Record<string, string> = {
  "/dashboard/proposals/[id]": "/dashboard/proposals",
  "/dashboard/proposals/[id]/documents": "/dashboard/proposals",
  "/dashboard/review/[id]": "/dashboard/review",
  "/dashboard/hospitals/[id]": "/dashboard/hospitals",
  "/dashboard/hospital-requests/[id]": "/dashboard/hospital-requests",
};

const UUID_AT_START = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** The id to put in `pattern` (with an [id]) for the person signed in on `page`, or null when they see none. */
export async function firstLinkedId(page: Page, pattern: string): Promise<string | null> {
  const list = ID_SOURCES[pattern];
  if (!list) return null;
  const prefix = pattern.slice(0, pattern.indexOf("[id]"));
  const response = await page.goto(list);
  if (!response?.ok() || new URL(page.url()).pathname !== list) return null;
  const hrefs = await page.locator(`a[href^="${prefix}"]`).evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  for (const href of hrefs) {
    const match = UUID_AT_START.exec(href.slice(prefix.length));
    if (match) return match[0];
  }
  return null;
}

/**
 * Every page of the route table as an address with the demo data's values, for the person signed
 * in on `page` (a page with an id they can see none of is left out, and the benchmark's page,
 * which people never open).
 */
export async function pageAddresses(page: Page): Promise<{ pattern: string; address: string }[]> {
  const addresses: { pattern: string; address: string }[] = [];
  for (const route of ROUTES) {
    if (route.kind !== "page" || route.benchOnly) continue;
    // A frozen author list's version is found in the completed project, which has versions 1 and 2.
    const versioned = route.pattern.includes("[version]");
    const values: Record<string, string> = { slug: versioned ? DEMO_COMPLETED_SLUG : DEMO_SLUG, ods: DEMO_ODS, code: "ABCD-EFGH", token: "t".repeat(43), version: "2", versionId: "00000000-0000-4000-8000-000000000000" };
    if (segmentsOf(route.pattern).includes("id")) {
      const id = await firstLinkedId(page, route.pattern);
      if (!id) continue;
      values.id = id;
    }
    addresses.push({ pattern: route.pattern, address: fill(route.pattern, values) });
  }
  return addresses;
}
