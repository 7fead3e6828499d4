import { defineConfig } from "prisma/config";

// Only `prisma generate` runs here; migrations are applied by scripts/migrate.ts
// (see docs/decisions/001-migration-runner.md), so no datasource URL is needed.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
