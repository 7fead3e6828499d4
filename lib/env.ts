import { z } from "zod";

const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

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
  RATE_LIMIT_SIGNUPS_PER_HOUR: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).default(20)),
  /** Reviews of the current version the committee needs before it may decide on a proposal. */
  REVIEWS_REQUIRED_FOR_DECISION: z.preprocess(
    blankAsUndefined,
    z.coerce.number().int().min(1, "REVIEWS_REQUIRED_FOR_DECISION must be a whole number from 1 to 10").max(10, "REVIEWS_REQUIRED_FOR_DECISION must be a whole number from 1 to 10").default(2),
  ),
  AUTH_SECRET: z.preprocess(
    blankAsUndefined,
    z.string().min(32, "AUTH_SECRET must be at least 32 characters (npm run dev writes one to .env.local)").optional(),
  ),
});

export type Env = z.infer<typeof envSchema>;

/** The environment, checked: a wrong setting stops the start with a message naming it. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`The environment is not valid:\n${problems}`);
  }
  return parsed.data;
}
