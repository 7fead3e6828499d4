// The portal's settings: every environment variable the portal reads is in this one schema,
// checked once at start (instrumentation.ts) and read through `settings()`. Not here, on purpose:
// - NODE_ENV and NEXT_RUNTIME: Next.js's, fixed for each bundle when it builds (instrumentation.ts,
//   proxy.ts, lib/mail/transport.ts read them as Next.js documents);
// - the libraries' own, which the portal never reads (Auth.js's AUTH_URL, Next.js's PORT and
//   NEXT_TELEMETRY_DISABLED);
// - the test and tooling runners' (VITEST, CHROMIUM_PATH, RADIANT_TEST_POSTGRES_URL,
//   RADIANT_PROCESSES_DATABASE_URL, E2E_PORT…): read by lib/log.ts, scripts/{bench,reliability,screenshots,
//   test-all} and tests/, never by a running portal. See docs/decisions/022-settings-and-errors.md.
import { z } from "zod";

const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

/** A lookup service's base address: http(s), with no query or fragment for a request to be appended to. */
const lookupServiceUrl = (name: string, example: string) =>
  z
    .url({ protocol: /^https?$/, error: `${name} must be the service's address, such as ${example}` })
    .refine((url) => !/[?#]/.test(url), `${name} must be the service's address without a query or fragment, such as ${example}`)
    .transform((url) => url.replace(/\/+$/, ""))
    .optional();

const envSchema = z.object({
  DATABASE_URL: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string")
      .optional(),
  ),
  DATABASE_POOL_SIZE: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(200).default(10)),
  RADIANT_DATA_DIR: z.preprocess(blankAsUndefined, z.string().default(".data/pglite")),
  /** The folder of the study's documents on the local disk; by default "files" beside RADIANT_DATA_DIR's folder. Unused with S3_BUCKET. */
  STORAGE_DIR: z.preprocess(blankAsUndefined, z.string().optional()),
  /** Set: the study's documents are kept in this S3-compatible bucket instead of the local disk (docs/decisions/036). */
  S3_BUCKET: z.preprocess(
    blankAsUndefined,
    z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "S3_BUCKET must be a bucket's name: 3 to 63 lowercase letters, digits, dots or hyphens").optional(),
  ),
  S3_REGION: z.preprocess(blankAsUndefined, z.string().regex(/^[a-z0-9-]{2,40}$/, "S3_REGION must be a region's name, such as eu-west-2").default("eu-west-2")),
  /** An S3-compatible service's address (MinIO, Cloudflare R2…); empty: AWS itself. */
  S3_ENDPOINT: z.preprocess(blankAsUndefined, z.url({ protocol: /^https?$/, error: "S3_ENDPOINT must be the service's address, such as https://s3.example.org" }).optional()),
  /** With S3_SECRET_ACCESS_KEY; both empty: the SDK's own chain (an instance role, a profile). */
  S3_ACCESS_KEY_ID: z.preprocess(blankAsUndefined, z.string().optional()),
  S3_SECRET_ACCESS_KEY: z.preprocess(blankAsUndefined, z.string().optional()),
  RATE_LIMIT_SIGNUPS_PER_HOUR: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).default(20)),
  /** Reviews of the current version the committee needs before it may decide on a proposal. */
  REVIEWS_REQUIRED_FOR_DECISION: z.preprocess(
    blankAsUndefined,
    z.coerce.number().int().min(1, "REVIEWS_REQUIRED_FOR_DECISION must be a whole number from 1 to 10").max(10, "REVIEWS_REQUIRED_FOR_DECISION must be a whole number from 1 to 10").default(2),
  ),
  /** Where mail is sent: smtp://user:pass@host:587 or smtps://…; without it, development keeps mail in a mailbox page. */
  SMTP_URL: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .regex(/^smtps?:\/\/[^\s/]+/, "SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465")
      .optional(),
  ),
  /** The sender of every e-mail: an address, or a name and an address in angle brackets. */
  MAIL_FROM: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .regex(/^([^<>\r\n]+<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, "MAIL_FROM must be an address, or a name and an address: RADIANT <noreply@radiant.example>")
      .default("RADIANT <noreply@radiant.example>"),
  ),
  /** The portal's public origin, used for every link in an e-mail and on certificates. */
  PUBLIC_URL: z.preprocess(
    blankAsUndefined,
    z
      .url({ protocol: /^https?$/, error: "PUBLIC_URL must be the portal's address, such as https://portal.radiant.example" })
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
  ),
  /** Reverse proxies in front of the portal that append to X-Forwarded-For; 0: clients connect directly. */
  RADIANT_TRUSTED_PROXIES: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: "RADIANT_TRUSTED_PROXIES must be a whole number from 0 to 10" }).int("RADIANT_TRUSTED_PROXIES must be a whole number from 0 to 10").min(0, "RADIANT_TRUSTED_PROXIES must be a whole number from 0 to 10").max(10, "RADIANT_TRUSTED_PROXIES must be a whole number from 0 to 10").default(0),
  ),
  /** "0" keeps this process from delivering mail and running scheduled jobs (another process does). */
  RADIANT_JOB_WORKER: z.preprocess(blankAsUndefined, z.enum(["0", "1"], { error: "RADIANT_JOB_WORKER must be 0 or 1" }).default("1")),
  /** "0" serves the public pages straight from the database, without the write-invalidated cache (lib/cache). */
  RADIANT_PUBLIC_CACHE: z.preprocess(blankAsUndefined, z.enum(["0", "1"], { error: "RADIANT_PUBLIC_CACHE must be 0 or 1" }).default("1")),
  /** The data controller named on the privacy notice: the organisation answerable for members' data. */
  DATA_CONTROLLER_NAME: z.preprocess(
    blankAsUndefined,
    z.string().trim().max(200, "DATA_CONTROLLER_NAME must be at most 200 characters").regex(NO_CONTROL_CHARACTERS, "DATA_CONTROLLER_NAME must be one line of text").optional(),
  ),
  /** Its postal address, one line with commas: "1 Example Street, Leeds, LS1 1AA". */
  DATA_CONTROLLER_ADDRESS: z.preprocess(
    blankAsUndefined,
    z.string().trim().max(300, "DATA_CONTROLLER_ADDRESS must be at most 300 characters").regex(NO_CONTROL_CHARACTERS, "DATA_CONTROLLER_ADDRESS must be one line, with commas between its parts").optional(),
  ),
  /** Where members write about their data (requests, questions, complaints). */
  PRIVACY_CONTACT_EMAIL: z.preprocess(blankAsUndefined, z.email("PRIVACY_CONTACT_EMAIL must be an e-mail address, such as privacy@radiant.example").optional()),
  /** The data protection officer, if the controller has one: a name, and optionally an address. */
  DPO_NAME: z.preprocess(
    blankAsUndefined,
    z.string().trim().max(200, "DPO_NAME must be at most 200 characters").regex(NO_CONTROL_CHARACTERS, "DPO_NAME must be one line of text").optional(),
  ),
  DPO_EMAIL: z.preprocess(blankAsUndefined, z.email("DPO_EMAIL must be an e-mail address, such as dpo@radiant.example").optional()),
  /** The controller's entry in the ICO's register of fee payers, if it has one (e.g. ZA123456). */
  ICO_REGISTRATION_NUMBER: z.preprocess(
    blankAsUndefined,
    z.string().trim().regex(/^[A-Z0-9]{6,10}$/, "ICO_REGISTRATION_NUMBER must be the ICO's registration number, such as ZA123456").optional(),
  ),
  /**
   * Where "Look up" on a project's outputs form asks for a DOI's details (Crossref's works API,
   * https://api.crossref.org) and a PubMed ID's (NCBI E-utilities, https://eutils.ncbi.nlm.nih.gov/entrez/eutils).
   * Empty: no lookup, the details are typed by hand. Only the DOI or PubMed ID is sent (docs/decisions/029).
   */
  OUTPUT_LOOKUP_DOI_URL: z.preprocess(blankAsUndefined, lookupServiceUrl("OUTPUT_LOOKUP_DOI_URL", "https://api.crossref.org")),
  OUTPUT_LOOKUP_PMID_URL: z.preprocess(blankAsUndefined, lookupServiceUrl("OUTPUT_LOOKUP_PMID_URL", "https://eutils.ncbi.nlm.nih.gov/entrez/eutils")),
  /** Signs session cookies (Auth.js is given it from here) and keys the portal's signed links. */
  AUTH_SECRET: z.preprocess(
    blankAsUndefined,
    z.string().min(32, "AUTH_SECRET must be at least 32 characters (npm run dev writes one to .env.local)").optional(),
  ),
  /** "1": `npm run dev` loads the demo people into an empty PostgreSQL too; "0": not into the embedded database either. */
  RADIANT_DEMO_DATA: z.preprocess(blankAsUndefined, z.enum(["0", "1"], { error: "RADIANT_DEMO_DATA must be 0 or 1" }).optional()),
  /**
   * Not for production: "1" opens /api/debug/statements, the statement count that the benchmark
   * (scripts/bench.ts) and the end-to-end query budget read from a production build.
   */
  RADIANT_BENCH: z.preprocess(blankAsUndefined, z.enum(["0", "1"], { error: "RADIANT_BENCH must be 0 or 1" }).default("0")),
  /**
   * Next.js's own: set (by `npm run start`), Next.js leaves SIGTERM to the portal
   * (lib/server/shutdown.ts). Read as Next.js reads it, any non-empty value, so never refused.
   */
  NEXT_MANUAL_SIG_HANDLE: z.string().optional(),
});

/** The portal's settings, checked. */
export type Settings = z.infer<typeof envSchema>;

const DEVELOPMENT_URL = "http://localhost:3000";

/** The origin links in e-mails point to: PUBLIC_URL, or the development server's. */
export function publicUrl(env: Settings = settings()): string {
  return env.PUBLIC_URL ?? DEVELOPMENT_URL;
}

export interface DataController {
  name: string;
  address: string;
  email: string;
  dpo?: { name: string; email?: string };
  icoRegistrationNumber?: string;
  /** True when these are development's example values, not the real controller's. */
  example: boolean;
}

/** Who the privacy notice names as the data controller: from the settings, or examples in development. */
export function dataController(env: Settings = settings()): DataController {
  const configured = Boolean(env.DATA_CONTROLLER_NAME && env.DATA_CONTROLLER_ADDRESS && env.PRIVACY_CONTACT_EMAIL);
  return {
    name: env.DATA_CONTROLLER_NAME ?? "RADIANT Trainee Research Collaborative (example)",
    address: env.DATA_CONTROLLER_ADDRESS ?? "1 Example Street, Exampletown, EX1 1AA",
    email: env.PRIVACY_CONTACT_EMAIL ?? "privacy@radiant.example",
    ...(env.DPO_NAME ? { dpo: { name: env.DPO_NAME, ...(env.DPO_EMAIL ? { email: env.DPO_EMAIL } : {}) } } : {}),
    ...(env.ICO_REGISTRATION_NUMBER ? { icoRegistrationNumber: env.ICO_REGISTRATION_NUMBER } : {}),
    example: !configured,
  };
}

/** Whether an address is HTTPS, or plain HTTP on this machine's loopback, where nobody else can read it. */
function servedSecurely(address: string): boolean {
  const url = new URL(address);
  return url.protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

/** Settings a production server cannot start without, with what to do about each. */
export function productionProblems(env: Settings): string[] {
  const problems: string[] = [];
  if (!env.AUTH_SECRET) problems.push("AUTH_SECRET is not set. `npm run start` writes one to .env.local; in production set it in the environment.");
  if (!env.PUBLIC_URL) problems.push("PUBLIC_URL is not set: links in e-mails need the portal's public address, such as https://portal.radiant.example.");
  if (env.PUBLIC_URL && !servedSecurely(env.PUBLIC_URL)) {
    problems.push(`PUBLIC_URL is ${env.PUBLIC_URL}: members sign in there, so it must start with https:// (plain http is for this machine only: localhost, 127.0.0.1 or [::1]).`);
  }
  if (!env.SMTP_URL) problems.push("SMTP_URL is not set: the portal cannot send e-mail (password resets, invitations) without it.");
  const controller = "the privacy notice must say who is answerable for members' data and how to reach them";
  if (!env.DATA_CONTROLLER_NAME) problems.push(`DATA_CONTROLLER_NAME is not set: ${controller}. Set it to the organisation's legal name.`);
  if (!env.DATA_CONTROLLER_ADDRESS) problems.push(`DATA_CONTROLLER_ADDRESS is not set: ${controller}. Set it to the organisation's postal address, on one line.`);
  if (!env.PRIVACY_CONTACT_EMAIL) problems.push(`PRIVACY_CONTACT_EMAIL is not set: ${controller}. Set it to the address that answers requests about personal data.`);
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) problems.push("Only one of S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY is set: set both, or neither to use the SDK's own credentials.");
  if (env.DPO_EMAIL && !env.DPO_NAME) problems.push("DPO_EMAIL is set without DPO_NAME: name the data protection officer, or leave both empty.");
  return problems;
}

/** `source` (the environment), checked: a wrong setting throws a message naming each one that is wrong. */
export function readEnv(source: Record<string, string | undefined>): Settings {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`The environment is not valid:\n${problems}`);
  }
  return parsed.data;
}

const SETTING_NAMES = Object.keys(envSchema.shape) as (keyof Settings)[];
const checked = globalThis as unknown as { radiantSettings?: { fingerprint: string; settings: Settings } };

/**
 * The portal's settings: the one place that reads the environment. instrumentation.ts asks for
 * them first, so a wrong value stops the start with its message; afterwards every caller gets
 * the same checked object. It is checked again only if a setting changed since, which happens
 * only in tests (they set process.env or use vi.stubEnv between cases): a server's environment
 * is fixed once it has started. Kept on globalThis because Next.js bundles each route with its
 * own copy of this module.
 */
export function settings(): Settings {
  const fingerprint = JSON.stringify(SETTING_NAMES.map((name) => process.env[name] ?? null));
  if (checked.radiantSettings?.fingerprint !== fingerprint) {
    checked.radiantSettings = { fingerprint, settings: readEnv(process.env) };
  }
  return checked.radiantSettings.settings;
}

/**
 * The secret the portal's own signed links and sealed e-mail secrets are keyed from. Production
 * refuses to start without AUTH_SECRET (productionProblems); development and tests may have none.
 */
export function signingSecret(env: Settings = settings()): string {
  return env.AUTH_SECRET ?? "radiant-development-only-secret";
}
