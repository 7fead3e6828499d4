import { afterEach, vi } from "vitest";

// An error logged during a test is a failure, even when the test's assertions pass.
const logged: unknown[][] = [];
vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
  logged.push(args);
});

afterEach(() => {
  if (logged.length === 0) return;
  const messages = logged.map((args) => args.map(String).join(" ")).join("\n");
  logged.length = 0;
  throw new Error(`console.error was called during the test:\n${messages}`);
});
