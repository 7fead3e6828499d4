// The folder boundaries of eslint.config.mjs (docs/decisions/023-boundaries-the-linter-keeps.md),
// read from the project's own configuration and tried on small sources: removing or
// loosening a rule there fails here. `npm run lint` then holds the whole tree to them.
import path from "node:path";
import { ESLint, Linter } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root });
const configs = new Map<string, Linter.Config>();

// Loading the configuration loads every plugin of eslint-config-next: seconds, not milliseconds.
beforeAll(async () => {
  for (const file of ["components/example/fixture.tsx", "app/example/page.tsx", "lib/example/fixture.ts"]) {
    configs.set(file, (await eslint.calculateConfigForFile(path.join(root, file))) as Linter.Config);
  }
}, 60_000);

/** The messages of the project's import rule for `source` written at `file` (no type checking needed for it). */
function importProblems(file: string, source: string): string[] {
  const config = configs.get(file)!;
  const linter = new Linter({ configType: "flat", cwd: root });
  const messages = linter.verify(
    source,
    [
      {
        files: ["**/*.ts", "**/*.tsx"],
        languageOptions: { parser: config.languageOptions?.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        rules: { "no-restricted-imports": config.rules?.["no-restricted-imports"] ?? "off" },
      },
    ],
    path.join(root, file),
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages.map((message) => message.message);
}

const COMPONENT = "components/example/fixture.tsx";
const PAGE = "app/example/page.tsx";
const LIB = "lib/example/fixture.ts";

describe("what a component may import", () => {
  it.each([
    ['import { db } from "@/lib/db";', /do not touch the database/],
    ['import type { Database } from "@/lib/db";', /do not touch the database/],
    ['import { db } from "../../lib/db";', /through the @\/ alias/],
    ['import type { PrismaClient } from "@/lib/generated/prisma/client";', /do not use the Prisma client/],
    ['import { currentActor } from "@/lib/auth/session";', /do not read the session/],
    ['import { currentActor, type Actor } from "@/lib/auth/session";', /do not read the session/],
    ['import { getOwnProfile } from "@/lib/trainees/profile";', /only types from lib\/'s data modules/],
    ['import { linkProblem } from "@/lib/accounts/link-problems";', /only types from lib\/'s data modules/],
    ['export { discoverProjects } from "@/lib/trainees/discover";', /only types from lib\/'s data modules/],
    ['import { saveProposalAction } from "@/app/dashboard/proposals/actions";', /only the server actions re-exported by @\/app\/client-actions/],
    ['import type { Props } from "@/app/dashboard/page";', /only the server actions re-exported by @\/app\/client-actions/],
  ])("refuses %s", (source, reason) => {
    const problems = importProblems(COMPONENT, source);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(reason);
  });

  it.each([
    'import type { Actor } from "@/lib/auth/session";',
    'import { type Actor } from "@/lib/auth/session";',
    'import type { OwnProfile } from "@/lib/trainees/profile";',
    'import { formatDate } from "@/lib/format/dates";',
    'import { IDLE } from "@/lib/validation/form-state";',
    'import { STATUS_LABELS } from "@/lib/validation/constants";',
    'import { ProjectStatus } from "@/lib/generated/prisma/enums";',
    'import { can } from "@/lib/authz";',
    'import { saveProposalAction } from "@/app/client-actions";',
    'import { Button } from "@/components/ui/button";',
    'import { DiscoverCard } from "./discover-card";',
  ])("allows %s", (source) => {
    expect(importProblems(COMPONENT, source)).toEqual([]);
  });
});

describe("what a page or route may import", () => {
  it.each(['import { db } from "@/lib/db";', 'import type { Database } from "@/lib/db";', 'import { db } from "../../lib/db";'])("refuses %s", (source) => {
    expect(importProblems(PAGE, source)).toEqual([expect.stringMatching(/do not use the database client/)]);
  });

  it("reads the session and lib/'s functions", () => {
    expect(importProblems(PAGE, 'import { requireActor } from "@/lib/auth/session";\nimport { getOwnProfile } from "@/lib/trainees/profile";')).toEqual([]);
  });
});

it("leaves lib/ free to use the database", () => {
  expect(importProblems(LIB, 'import { db } from "@/lib/db";')).toEqual([]);
});
