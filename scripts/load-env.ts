// Scripts read the same .env files as Next.js does.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd());
