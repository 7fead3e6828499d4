import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

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
  typeAware,
  tests,
  {
    ignores: [".next/**", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
