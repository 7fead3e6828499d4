// Structured logs: one JSON line per event on standard output, for whatever collects the
// process's output (journald, a container runtime). A line carries ids and facts about the
// request or job only — never a name, an e-mail address, a query string or a body — so the
// logs hold no personal data beyond the ids support needs to find a record.
// See docs/decisions/015-operations.md.

export type LogLevel = "info" | "warn" | "error";

/** What a line may say. Deliberately a closed list: free text is where personal data leaks in. */
export interface LogFields {
  requestId?: string;
  method?: string;
  /** The path alone: the query string is cut off by `pathOnly`. */
  path?: string;
  /** The route's pattern, such as /dashboard/projects/[id]: no id a member typed. */
  route?: string;
  status?: number;
  durationMs?: number;
  userId?: string;
  job?: string;
  jobId?: string;
  outcome?: "completed" | "failed" | "aborted";
  /** Next.js's digest of a server error: what the error page shows the member. */
  digest?: string;
  /**
   * The kind of error: its class name and, when it has one, its code (a Prisma or PostgreSQL
   * code). Never its message, which may quote what a member typed or a row's values.
   */
  error?: string;
  code?: string;
  signal?: string;
  inFlight?: number;
}

export interface LogLine extends LogFields {
  time: string;
  level: LogLevel;
  event: string;
}

type Writer = (line: string) => void;

const sink = globalThis as unknown as { radiantLogWriter?: Writer };

/** Where lines go: standard output, unless a test listens instead. */
export function setLogWriter(writer: Writer | undefined): void {
  sink.radiantLogWriter = writer;
}

/** Writes one line. Fields left undefined are left out. */
export function log(level: LogLevel, event: string, fields: LogFields = {}): void {
  const line: LogLine = { time: new Date().toISOString(), level, event, ...fields };
  const text = JSON.stringify(line, (_key, value: unknown) => (value === undefined ? undefined : value));
  if (sink.radiantLogWriter) sink.radiantLogWriter(text);
  // Vitest's own output stays readable: a test that reads the lines listens with setLogWriter.
  // VITEST is the test runner's, never an operator's setting, so it is not in lib/env's schema.
  else if (!process.env.VITEST) process.stdout.write(`${text}\n`);
}

/** The path of a URL or request target without its query string or fragment. */
export function pathOnly(target: string | undefined): string {
  if (!target) return "/";
  const end = target.search(/[?#]/);
  const path = end === -1 ? target : target.slice(0, end);
  // An absolute target (a proxy's request line) keeps only its path.
  const local = path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "") || "/";
  // The secret of an e-mailed link is in its path: whoever read the logs could use it.
  return local.replace(SECRET_IN_PATH, "/$1/[token]");
}

/** Pages whose next path segment is the secret of a link sent by e-mail. */
const SECRET_IN_PATH = /^\/(reset-password|change-email|verify-email|unsubscribe)\/[^/]+/;

/** An error's class name and code, for a server error's line (never its message). */
export function describeError(error: unknown): { error: string; code?: string } {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  return { error: error.name, ...(typeof code === "string" && /^[A-Z0-9_]{1,12}$/i.test(code) ? { code } : {}) };
}
