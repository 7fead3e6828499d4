// Runs once when the server starts: a wrong environment stops it with a clear message.
export async function register() {
  const { readEnv } = await import("@/lib/env");
  const env = readEnv();
  if (process.env.NODE_ENV === "production" && !env.AUTH_SECRET) {
    throw new Error("AUTH_SECRET is not set. `npm run start` writes one to .env.local; in production set it in the environment.");
  }
}
