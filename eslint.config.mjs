import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Boundaries between the folders (docs/decisions/023-boundaries-the-linter-keeps.md).
// components/ present, lib/ decides, app/ wires the two: a component gets its data as props
// from the page or layout that renders it. The patterns are regular expressions over the
// import's source text; `allowTypeImports` lets `import type` (and `import { type X }`) through.

/** lib/ modules a component may import values from: pure constants, labels, formatters, schemas, the permission table. */
const PURE_LIB = ["format/", "validation/", "generated/prisma/enums$", "authz$"];

const componentBoundaries = {
  name: "radiant/boundaries/components",
  files: ["components/**"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex: "^@/lib/db$",
            message: "Components do not touch the database: the page or layout loads the data through lib/ and passes it as props.",
          },
          {
            regex: "^@/lib/generated/prisma/client$",
            message: "Components do not use the Prisma client; enum types and values come from @/lib/generated/prisma/enums.",
          },
          {
            regex: "^@/lib/auth/session$",
            allowTypeImports: true,
            message: "Components do not read the session: the page or layout reads it and passes what the component shows as props (`import type` is fine).",
          },
          {
            regex: `^@/lib/(?!${PURE_LIB.join("|")}|db$|generated/prisma/client$|auth/session$)`,
            allowTypeImports: true,
            message:
              "Components import only types from lib/'s data modules: the page or layout calls lib/ and passes the result as props. Values may come from lib/format, lib/validation, lib/authz and the Prisma enums.",
          },
          {
            regex: "^@/app/(?!client-actions$)",
            message: "Components import from app/ only the server actions re-exported by @/app/client-actions.",
          },
          {
            regex: "^(\\.\\./)+(lib|app)(/|$)",
            message: "Import lib/ and app/ through the @/ alias, so that the boundary rules see the import.",
          },
        ],
      },
    ],
  },
};

const appBoundaries = {
  name: "radiant/boundaries/app",
  files: ["app/**"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex: "^(@/|(\\.\\./)+)lib/db$",
            message: "Routes and pages do not use the database client: call a function of lib/ that does the work and checks the actor.",
          },
        ],
      },
    ],
  },
};

// Rules that need the type checker. eslint-config-next already registers the
// @typescript-eslint plugin and parser; this block turns on the project service
// (which reads tsconfig.json) for the TypeScript files.
const typeAware = {
  name: "radiant/type-aware",
  files: ["**/*.ts", "**/*.tsx"],
  languageOptions: {
    parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
  },
  rules: {
    "@typescript-eslint/await-thenable": "error",
    "@typescript-eslint/no-floating-promises": "error",
    "@typescript-eslint/no-misused-promises": "error",
    "@typescript-eslint/no-unsafe-argument": "error",
    "@typescript-eslint/no-unsafe-assignment": "error",
    "@typescript-eslint/no-unsafe-call": "error",
    "@typescript-eslint/no-unsafe-member-access": "error",
    "@typescript-eslint/no-unsafe-return": "error",
  },
};

const tests = {
  name: "radiant/tests",
  files: ["tests/**", "**/*.test.ts", "**/*.test.tsx"],
  rules: {
    // Vitest types its asymmetric matchers (expect.stringMatching, expect.any, …) as `any`,
    // so `toMatchObject({ message: expect.stringMatching(…) })` would be reported everywhere.
    "@typescript-eslint/no-unsafe-assignment": "off",
  },
};

const config = [
  ...nextVitals,
  ...nextTypescript,
  componentBoundaries,
  appBoundaries,
  typeAware,
  tests,
  {
    ignores: [".next/**", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
