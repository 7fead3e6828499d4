import { describe, expect, it } from "vitest";
import { databaseConfigFromEnv } from "./db";
import { readEnv } from "./env";

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

  it("needs two reviews before a decision unless told otherwise", () => {
    expect(readEnv({}).REVIEWS_REQUIRED_FOR_DECISION).toBe(2);
    expect(readEnv({ REVIEWS_REQUIRED_FOR_DECISION: "3" }).REVIEWS_REQUIRED_FOR_DECISION).toBe(3);
  });
});
