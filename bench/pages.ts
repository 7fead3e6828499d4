// The pages whose query budget and throughput are measured: by the benchmark
// (scripts/bench.ts) and, for the budget, by the end-to-end suite.
// `as` names the demo account the page is requested as (null: a visitor).
export interface BenchPage {
  name: string;
  path: string;
  as: string | null;
  /** A reference that does no data work of its own (no statement is expected of it). */
  ceiling?: boolean;
  /** Also measured under load (the rest only for their query budget). */
  load?: boolean;
}

export const PRERENDERED_PATH = "/bench/prerendered";
export const DYNAMIC_REFERENCE_PATH = "/privacy";

export const BENCH_PAGES: BenchPage[] = [
  // The ceiling: prerendered when the portal is built (app/bench/prerendered, shown with RADIANT_BENCH=1).
  { name: "prerendered page (ceiling)", path: PRERENDERED_PATH, as: null, ceiling: true, load: true },
  // The second reference: rendered per request (its CSP nonce and the header's session), with no data.
  { name: "dynamic page, no data (/privacy)", path: DYNAMIC_REFERENCE_PATH, as: null, ceiling: true, load: true },
  { name: "route with one query", path: "/api/health", as: null, ceiling: true, load: true },
  { name: "home", path: "/", as: null, load: true },
  { name: "projects list", path: "/projects", as: null, load: true },
  { name: "largest project", path: "/projects/ctpa-yield-emergency-department", as: null, load: true },
  { name: "research outputs", path: "/outputs", as: null },
  { name: "trainee dashboard", path: "/dashboard", as: "trainee@example.org", load: true },
  { name: "largest project, signed in", path: "/projects/ctpa-yield-emergency-department?as=trainee", as: "trainee@example.org" },
  { name: "my research", path: "/dashboard/research", as: "trainee@example.org" },
  { name: "profile", path: "/dashboard/profile", as: "trainee@example.org" },
  { name: "site lead's requests", path: "/dashboard/site-requests", as: "sitelead@example.org" },
  { name: "committee review queue", path: "/dashboard/review", as: "committee@example.org", load: true },
  // The demo's amendment waiting for the committee (lib/seed/committee-amendments.ts).
  { name: "an amendment for the committee", path: "/dashboard/review/amendments/c204c1be-978d-4ccc-b586-a987db35f7e4", as: "committee@example.org" },
  { name: "review queue, a chair's, assigned to them", path: "/dashboard/review?mine=1", as: "committee@example.org" },
  { name: "calls for proposals", path: "/dashboard/review/calls", as: "committee@example.org" },
  { name: "committee notifications", path: "/dashboard/notifications", as: "committee@example.org" },
  { name: "my data (GDPR)", path: "/dashboard/account/data", as: "trainee@example.org" },
  { name: "members and roles", path: "/dashboard/members?q=example", as: "admin@example.org" },
  { name: "requests for missing hospitals", path: "/dashboard/hospital-requests", as: "admin@example.org" },
  { name: "lead's proposals", path: "/dashboard/proposals", as: "lead@example.org" },
  { name: "national view of the largest project", path: "/dashboard/projects/ctpa-yield-emergency-department", as: "lead@example.org", load: true },
  {
    name: "national view, filtered and sorted",
    path: "/dashboard/projects/ctpa-yield-emergency-department?status=ACTIVE&behind=1&sort=progress&dir=desc",
    as: "committee@example.org",
  },
  { name: "site lead's site", path: "/dashboard/projects/ctpa-yield-emergency-department/sites/RGT01", as: "sitelead@example.org", load: true },
  { name: "a site, for the project lead who acts for its site lead", path: "/dashboard/projects/ctpa-yield-emergency-department/sites/RGT01", as: "lead@example.org" },
  { name: "a site's team, for the project lead who acts for its site lead", path: "/dashboard/projects/ctpa-yield-emergency-department/sites/RGT01/team", as: "lead@example.org" },
  { name: "site lead's team", path: "/dashboard/projects/ctpa-yield-emergency-department/sites/RGT01/team", as: "sitelead@example.org" },
  { name: "site lead's progress", path: "/dashboard/projects/ctpa-yield-emergency-department/sites/RGT01/progress", as: "sitelead@example.org" },
  { name: "authorship list", path: "/dashboard/projects/ctpa-yield-emergency-department/authorship", as: "lead@example.org" },
  { name: "study settings", path: "/dashboard/projects/ctpa-yield-emergency-department/settings", as: "lead@example.org" },
  { name: "lead's amendments", path: "/dashboard/projects/ctpa-yield-emergency-department/amendments", as: "lead@example.org" },
  { name: "data-collection periods", path: "/dashboard/projects/ctpa-yield-emergency-department/periods", as: "lead@example.org" },
  { name: "site lead's dashboard", path: "/dashboard", as: "sitelead@example.org" },
  { name: "project lead's dashboard", path: "/dashboard?as=lead", as: "lead@example.org" },
  { name: "committee member's dashboard", path: "/dashboard?as=committee", as: "committee@example.org" },
  { name: "administrator's dashboard", path: "/dashboard?as=admin", as: "admin@example.org" },
  { name: "e-mail choices", path: "/dashboard/account/notifications", as: "trainee@example.org" },
  { name: "project outputs", path: "/dashboard/projects/ctpa-yield-emergency-department/outputs", as: "lead@example.org" },
  { name: "certificates, with a reviewer's period", path: "/dashboard/certificates?period=academic&academicYear=2025", as: "committee@example.org" },
  { name: "trainee's certificates", path: "/dashboard/certificates", as: "trainee@example.org" },
  { name: "message site leads", path: "/dashboard/projects/ctpa-yield-emergency-department/message", as: "lead@example.org" },
];

export const STATEMENT_BUDGET = 10;
