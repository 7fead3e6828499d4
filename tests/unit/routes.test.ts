// The table of routes that the hostile-input spec walks is the app directory's, no more, no less.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTES } from "../support/routes";

const APP = path.resolve(import.meta.dirname, "../../app");

/** Every page and route handler under app/, as its address (route groups left out). */
function routesOnDisk(directory = APP, prefix = ""): { pattern: string; kind: "page" | "route" }[] {
  const found: { pattern: string; kind: "page" | "route" }[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const group = /^\(.+\)$/.test(entry.name);
      found.push(...routesOnDisk(path.join(directory, entry.name), group ? prefix : `${prefix}/${entry.name}`));
    } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) {
      found.push({ pattern: prefix || "/", kind: "page" });
    } else if (/^route\.(ts|js)$/.test(entry.name)) {
      found.push({ pattern: prefix || "/", kind: "route" });
    }
  }
  return found;
}

describe("the table of routes", () => {
  it("lists every page and route handler of the app directory, and nothing else", () => {
    const onDisk = routesOnDisk().map((route) => `${route.kind} ${route.pattern}`).sort();
    const listed = ROUTES.map((route) => `${route.kind} ${route.pattern}`).sort();
    expect(listed).toEqual(onDisk);
  });
});
