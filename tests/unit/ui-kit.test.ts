// The portal's look has one definition: colours are the named tokens of app/globals.css, and a
// button's classes come from components/ui/buttons.tsx. This reads app/ and components/ as text
// and fails on a colour written as a value or a button's classes written out again.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BUTTONS = "components/ui/buttons.tsx";

function sources(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, directory), { withFileTypes: true })) {
    const relative = path.posix.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...sources(relative));
    else if (/\.(tsx|ts|css)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) found.push(relative);
  }
  return found;
}

/** A colour given as a value instead of a token: `bg-[#00401e]`, `text-[rgb(…)]`, `stroke="#005eb8"`. */
function colourValues(text: string): string[] {
  const arbitrary = text.match(/-\[(?:#|rgba?\(|hsla?\(|oklch\(|color:)[^\]]*\]/g) ?? [];
  const quotedHex = text.match(/["'`]#[0-9a-fA-F]{3,8}["'`]/g) ?? [];
  return [...arbitrary, ...quotedHex];
}

/** Lines that spell out a button (its 4 px edge and a button fill, or a button's edge/hover shade). */
function buttonCopies(text: string): string[] {
  return text
    .split("\n")
    .filter(
      (line) =>
        (/\bborder-b-4\b/.test(line) && /\bbg-(ok|line|danger)\b/.test(line)) ||
        /\b(border-(ok|line|danger)-dark|bg-(ok|line|danger)-hover)\b/.test(line),
    )
    .map((line) => line.trim());
}

const FILES = [...sources("app"), ...sources("components")];

describe("the UI kit", () => {
  it("finds the copies it is written against", () => {
    const old = `<button type="submit" className="cursor-pointer border-b-4 border-[#00401e] bg-ok px-4 py-2 font-semibold text-white">`;
    expect(colourValues(old)).toEqual(["-[#00401e]"]);
    expect(buttonCopies(old)).toHaveLength(1);
    expect(colourValues(`<path stroke="#005eb8" />`)).toEqual([`"#005eb8"`]);
    expect(buttonCopies(`className="inline-flex border-ok-dark bg-ok"`)).toHaveLength(1);
    expect(colourValues(`<a href="#main-content">`)).toEqual([]);
  });

  it("reads more than a handful of files", () => {
    expect(FILES).toContain(BUTTONS);
    expect(FILES.length).toBeGreaterThan(50);
  });

  it("has no colour outside the theme's tokens in app/ or components/", () => {
    const found = FILES.flatMap((file) => colourValues(readFileSync(path.join(ROOT, file), "utf8")).map((value) => `${file}: ${value}`));
    expect(found).toEqual([]);
  });

  it("writes a button's classes only in components/ui/buttons.tsx", () => {
    const found = FILES.filter((file) => file !== BUTTONS).flatMap((file) =>
      buttonCopies(readFileSync(path.join(ROOT, file), "utf8")).map((line) => `${file}: ${line}`),
    );
    expect(found).toEqual([]);
  });
});
