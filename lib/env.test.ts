import { afterEach, describe, expect, it, vi } from "vitest";
import { databaseConfigFromEnv } from "./db";
import { dataController, productionProblems, readEnv, settings, signingSecret } from "./env";

describe("the environment", () => {
  it("chooses the embedded database when DATABASE_URL is absent or blank", () => {
    expect(databaseConfigFromEnv({})).toEqual({ kind: "pglite", dataDir: ".data/pglite" });
    expect(databaseConfigFromEnv({ DATABASE_URL: "  ", RADIANT_DATA_DIR: "/tmp/x" })).toEqual({ kind: "pglite", dataDir: "/tmp/x" });
  });

  it("chooses PostgreSQL when DATABASE_URL is set", () => {
    expect(databaseConfigFromEnv({ DATABASE_URL: "postgresql://u@localhost:5432/radiant" })).toEqual({
      kind: "postgres",
      url: "postgresql://u@localhost:5432/radiant",
    });
  });

  it("stops with a message naming the setting that is wrong", () => {
    expect(() => readEnv({ DATABASE_URL: "mysql://nope" })).toThrow(/DATABASE_URL must be a postgresql:\/\/ connection string/);
    expect(() => readEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET must be at least 32 characters/);
    expect(() => readEnv({ DATABASE_POOL_SIZE: "lots" })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => readEnv({ REVIEWS_REQUIRED_FOR_DECISION: "0" })).toThrow(/REVIEWS_REQUIRED_FOR_DECISION must be a whole number from 1 to 10/);
  });

  it("refuses a demo-data, benchmark, worker or public-cache switch that is not 0 or 1, naming it", () => {
    expect(() => readEnv({ RADIANT_DEMO_DATA: "yes" })).toThrow(/RADIANT_DEMO_DATA must be 0 or 1/);
    expect(() => readEnv({ RADIANT_BENCH: "true" })).toThrow(/RADIANT_BENCH must be 0 or 1/);
    expect(() => readEnv({ RADIANT_JOB_WORKER: "2" })).toThrow(/RADIANT_JOB_WORKER must be 0 or 1/);
    expect(readEnv({ RADIANT_DEMO_DATA: "1" }).RADIANT_DEMO_DATA).toBe("1");
    expect(readEnv({ RADIANT_DEMO_DATA: " " }).RADIANT_DEMO_DATA).toBeUndefined();
    expect(() => readEnv({ RADIANT_PUBLIC_CACHE: "off" })).toThrow(/RADIANT_PUBLIC_CACHE must be 0 or 1/);
    // The public pages' cache is on unless turned off.
    expect(readEnv({}).RADIANT_PUBLIC_CACHE).toBe("1");
    expect(readEnv({ RADIANT_PUBLIC_CACHE: "0" }).RADIANT_PUBLIC_CACHE).toBe("0");
    // The statement counter stays closed unless asked for.
    expect(readEnv({}).RADIANT_BENCH).toBe("0");
  });

  it("names every wrong setting at once", () => {
    expect(() => readEnv({ PUBLIC_URL: "portal", RADIANT_BENCH: "on" })).toThrow(
      /The environment is not valid:\n {2}PUBLIC_URL: PUBLIC_URL must be the portal's address.*\n {2}RADIANT_BENCH: RADIANT_BENCH must be 0 or 1/s,
    );
  });

  it("leaves outputs' lookup off unless a service's address is given, and refuses one with a query", () => {
    expect(readEnv({}).OUTPUT_LOOKUP_DOI_URL).toBeUndefined();
    expect(readEnv({ OUTPUT_LOOKUP_PMID_URL: " " }).OUTPUT_LOOKUP_PMID_URL).toBeUndefined();
    expect(readEnv({ OUTPUT_LOOKUP_DOI_URL: "https://api.crossref.org/" }).OUTPUT_LOOKUP_DOI_URL).toBe("https://api.crossref.org");
    expect(() => readEnv({ OUTPUT_LOOKUP_DOI_URL: "https://api.crossref.org/works?mailto=x" })).toThrow(/OUTPUT_LOOKUP_DOI_URL must be the service's address without a query/);
    expect(() => readEnv({ OUTPUT_LOOKUP_PMID_URL: "file:///etc/passwd" })).toThrow(/OUTPUT_LOOKUP_PMID_URL must be the service's address/);
  });

  it("needs two reviews before a decision unless told otherwise", () => {
    expect(readEnv({}).REVIEWS_REQUIRED_FOR_DECISION).toBe(2);
    expect(readEnv({ REVIEWS_REQUIRED_FOR_DECISION: "3" }).REVIEWS_REQUIRED_FOR_DECISION).toBe(3);
  });
});

describe("the process's settings", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("are checked once and then shared, while the environment stays as it was", () => {
    vi.stubEnv("REVIEWS_REQUIRED_FOR_DECISION", "4");
    const first = settings();
    expect(first.REVIEWS_REQUIRED_FOR_DECISION).toBe(4);
    expect(settings()).toBe(first);
  });

  it("follow a change of a setting, and refuse a wrong one with its message", () => {
    vi.stubEnv("REVIEWS_REQUIRED_FOR_DECISION", "4");
    expect(settings().REVIEWS_REQUIRED_FOR_DECISION).toBe(4);
    vi.stubEnv("REVIEWS_REQUIRED_FOR_DECISION", "5");
    expect(settings().REVIEWS_REQUIRED_FOR_DECISION).toBe(5);
    vi.stubEnv("RADIANT_DEMO_DATA", "maybe");
    expect(() => settings()).toThrow(/RADIANT_DEMO_DATA must be 0 or 1/);
  });

  it("key signed links from AUTH_SECRET, with a development-only key when there is none", () => {
    const secret = "s".repeat(32);
    expect(signingSecret(readEnv({ AUTH_SECRET: secret }))).toBe(secret);
    expect(signingSecret(readEnv({}))).toBe("radiant-development-only-secret");
  });
});

describe("the data controller's settings", () => {
  const production = {
    AUTH_SECRET: "x".repeat(32),
    PUBLIC_URL: "https://portal.radiant.example",
    SMTP_URL: "smtp://user:pass@mail.example.org:587",
  };
  const controller = {
    DATA_CONTROLLER_NAME: "Royal College Trainee Research Ltd",
    DATA_CONTROLLER_ADDRESS: "63 Lincoln's Inn Fields, London, WC2A 3JW",
    PRIVACY_CONTACT_EMAIL: "privacy@radiant.example",
  };

  it("stop a production start, each with a sentence saying what to set, when the controller's name or contact is missing", () => {
    const problems = productionProblems(readEnv(production));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DATA_CONTROLLER_NAME is not set: .*Set it to the organisation's legal name\.$/),
        expect.stringMatching(/^DATA_CONTROLLER_ADDRESS is not set: .*postal address/),
        expect.stringMatching(/^PRIVACY_CONTACT_EMAIL is not set: .*requests about personal data\.$/),
      ]),
    );
    expect(productionProblems(readEnv({ ...production, ...controller }))).toEqual([]);
    expect(productionProblems(readEnv({ ...production, ...controller, DATA_CONTROLLER_NAME: "  " }))).toEqual([
      expect.stringMatching(/^DATA_CONTROLLER_NAME is not set/),
    ]);
  });

  it("stop a production start on a plain-http PUBLIC_URL other than this machine's", () => {
    const configured = { ...production, ...controller };
    expect(productionProblems(readEnv({ ...configured, PUBLIC_URL: "http://portal.radiant.example" }))).toEqual([
      expect.stringMatching(/^PUBLIC_URL is http:\/\/portal\.radiant\.example: .*must start with https:\/\//),
    ]);
    for (const local of ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]) {
      expect(productionProblems(readEnv({ ...configured, PUBLIC_URL: local }))).toEqual([]);
    }
  });

  it("refuse a contact that is not an e-mail address and a name over two lines", () => {
    expect(() => readEnv({ PRIVACY_CONTACT_EMAIL: "write to us" })).toThrow(/PRIVACY_CONTACT_EMAIL must be an e-mail address/);
    expect(() => readEnv({ DATA_CONTROLLER_NAME: "RADIANT\nBcc: x@y.z" })).toThrow(/DATA_CONTROLLER_NAME must be one line of text/);
    expect(() => readEnv({ ICO_REGISTRATION_NUMBER: "not-a-number" })).toThrow(/ICO_REGISTRATION_NUMBER must be the ICO's registration number/);
  });

  it("are what the notice names, and examples, marked so, in development", () => {
    expect(dataController(readEnv({ ...controller, DPO_NAME: "Dr A Officer", DPO_EMAIL: "dpo@radiant.example" }))).toEqual({
      name: "Royal College Trainee Research Ltd",
      address: "63 Lincoln's Inn Fields, London, WC2A 3JW",
      email: "privacy@radiant.example",
      dpo: { name: "Dr A Officer", email: "dpo@radiant.example" },
      example: false,
    });
    const example = dataController(readEnv({}));
    expect(example.example).toBe(true);
    expect(example.name).toMatch(/\(example\)$/);
    expect(example.email).toMatch(/@radiant\.example$/);
  });
});
