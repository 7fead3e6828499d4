// Every page and route handler of the portal, written down: the hostile-input spec
// (tests/e2e/hostile-input.spec.ts) requests each of them with hostile route parameters and query
// strings, and tests/unit/routes.test.ts checks this table against the app directory, so a new
// page cannot be left out.

export interface RouteEntry {
  /** The address as the app directory spells it, without route groups: /projects/[slug]. */
  pattern: string;
  /** A page (GET, HTML) or a route handler (the methods it answers). */
  kind: "page" | "route";
  /** Route handlers that change something are requested with GET only when GET is their way in. */
  methods?: readonly ("GET" | "POST")[];
  /** Only for the benchmark (shown with RADIANT_BENCH=1): left out of the sweeps of every page. */
  benchOnly?: boolean;
}

export const ROUTES: readonly RouteEntry[] = [
  { pattern: "/", kind: "page" },
  { pattern: "/privacy", kind: "page" },
  { pattern: "/projects", kind: "page" },
  { pattern: "/projects/[slug]", kind: "page" },
  { pattern: "/outputs", kind: "page" },
  { pattern: "/request-too-large", kind: "page" },
  { pattern: "/verify", kind: "page" },
  { pattern: "/verify/[code]", kind: "page" },
  { pattern: "/unsubscribe/[token]", kind: "route", methods: ["GET", "POST"] },
  { pattern: "/unsubscribe/[token]/confirm", kind: "page" },
  { pattern: "/signin", kind: "page" },
  { pattern: "/signup", kind: "page" },
  { pattern: "/signup/check-your-inbox", kind: "page" },
  { pattern: "/forgotten-password", kind: "page" },
  { pattern: "/reset-password/[token]", kind: "page" },
  { pattern: "/verify-email/[token]", kind: "page" },
  { pattern: "/change-email/[token]", kind: "page" },
  { pattern: "/api/auth/[...nextauth]", kind: "route", methods: ["GET", "POST"] },
  { pattern: "/api/health", kind: "route", methods: ["GET"] },
  { pattern: "/api/debug/statements", kind: "route", methods: ["GET"] },
  { pattern: "/dev/mailbox", kind: "page" },
  // The benchmark's prerendered page (lib/bench-page.ts): static text, no parameters; not swept.
  { pattern: "/bench/prerendered", kind: "page", benchOnly: true },
  { pattern: "/dashboard", kind: "page" },
  { pattern: "/dashboard/account", kind: "page" },
  { pattern: "/dashboard/account/data", kind: "page" },
  { pattern: "/dashboard/account/data/download", kind: "route", methods: ["GET"] },
  { pattern: "/dashboard/account/notifications", kind: "page" },
  { pattern: "/dashboard/audit", kind: "page" },
  { pattern: "/dashboard/author-lists/[id]", kind: "page" },
  { pattern: "/dashboard/hospital-requests", kind: "page" },
  { pattern: "/dashboard/hospital-requests/[id]", kind: "page" },
  { pattern: "/dashboard/hospitals", kind: "page" },
  { pattern: "/dashboard/hospitals/new", kind: "page" },
  { pattern: "/dashboard/hospitals/import", kind: "page" },
  { pattern: "/dashboard/hospitals/[id]", kind: "page" },
  { pattern: "/dashboard/mail", kind: "page" },
  { pattern: "/dashboard/members", kind: "page" },
  { pattern: "/dashboard/notifications", kind: "page" },
  { pattern: "/dashboard/notifications/[id]", kind: "route", methods: ["GET"] },
  { pattern: "/dashboard/profile", kind: "page" },
  { pattern: "/dashboard/projects/[slug]", kind: "page" },
  { pattern: "/dashboard/projects/[slug]/amendments", kind: "page" },
  { pattern: "/dashboard/projects/[slug]/authorship", kind: "page" },
  { pattern: "/dashboard/projects/[slug]/authorship/versions/[version]", kind: "page" },
  { pattern: "/dashboard/projects/[slug]/authorship/versions/[version]/[file]", kind: "route", methods: ["GET"] },
  { pattern: "/dashboard/projects/[slug]/export/[file]", kind: "route", methods: ["GET"] },
  { pattern: "/dashboard/projects/[slug]/message", kind: "page" },
  { pattern: "/dashboard/projects/[slug]/outputs", kind: "page" },
  { pattern: "/dashboard/projects/[slug]/periods", kind: "page" },
  { pattern: "/dashboard/projects/[slug]/register", kind: "page" },
  { pattern: "/dashboard/projects/[slug]/settings", kind: "page" },
  { pattern: "/dashboard/projects/[slug]/sites/[ods]", kind: "page" },
  { pattern: "/dashboard/projects/[slug]/sites/[ods]/progress", kind: "page" },
  { pattern: "/dashboard/projects/[slug]/sites/[ods]/team", kind: "page" },
  { pattern: "/dashboard/proposals", kind: "page" },
  { pattern: "/dashboard/proposals/new", kind: "page" },
  { pattern: "/dashboard/proposals/[id]", kind: "page" },
  { pattern: "/dashboard/proposals/[id]/documents", kind: "page" },
  { pattern: "/dashboard/documents/[versionId]", kind: "route", methods: ["GET"] },
  { pattern: "/dashboard/regions", kind: "page" },
  { pattern: "/dashboard/research", kind: "page" },
  { pattern: "/dashboard/research/certificate/[id]", kind: "route", methods: ["GET"] },
  { pattern: "/dashboard/certificates", kind: "page" },
  { pattern: "/dashboard/certificates/download", kind: "route", methods: ["GET"] },
  { pattern: "/dashboard/review", kind: "page" },
  { pattern: "/dashboard/review/[id]", kind: "page" },
  { pattern: "/dashboard/review/amendments/[id]", kind: "page" },
  { pattern: "/dashboard/review/[id]/reviewers", kind: "page" },
  { pattern: "/dashboard/review/calls", kind: "page" },
  { pattern: "/dashboard/site-requests", kind: "page" },
  { pattern: "/dashboard/sites", kind: "page" },
  { pattern: "/dashboard/status", kind: "page" },
];

/** The dynamic segments of a pattern, in order: [slug], [...nextauth]. */
export function segmentsOf(pattern: string): string[] {
  return [...pattern.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((match) => match[1]!);
}

/** The address of a pattern with each dynamic segment replaced (values are put in as given: encode them first). */
export function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for [${name}] in ${pattern}`);
    return value;
  });
}
