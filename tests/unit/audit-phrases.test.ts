// Every audit action the code writes is said in words on the audit log: an action added to lib/
// without a phrase in lib/audit-log/phrases.ts fails here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_PHRASES, actionLabel, phraseParts } from "@/lib/audit-log/phrases";

const LIB = path.resolve(import.meta.dirname, "../../lib");

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/**
 * The actions written by `audit(tx, …)` and `auditEvent.create…`, read from the code: the literal
 * names, the names in a ternary, a constant's value, and for a name built from a table
 * (`project.${action}`) every move of the table in that file.
 */
function actionsInCode(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(LIB)) {
    const text = readFileSync(file, "utf8");
    if (!/audit\(tx|auditEvent\.create/.test(text)) continue;
    const where = path.relative(LIB, file);
    for (const [, expression] of text.matchAll(/\baction:\s*([^,\n]+)/g)) {
      for (const [, name] of expression!.matchAll(/"([a-z][A-Za-z]*\.[A-Za-z.]+)"/g)) found.set(name!, where);
      const built = /`([a-zA-Z]+)\.\$\{/.exec(expression!);
      if (built) for (const [, move] of text.matchAll(/\baction:\s*"([a-zA-Z]+)"/g)) found.set(`${built[1]}.${move}`, where);
      const constant = /^([A-Z_]+)\s*$/.exec(expression!.trim());
      if (constant) {
        const value = new RegExp(`const ${constant[1]} = "([^"]+)"`).exec(text);
        expect(value, `${where}: the constant ${constant[1]} names an action`).not.toBeNull();
        found.set(value![1]!, where);
      }
    }
  }
  return found;
}

describe("audit phrases", () => {
  const actions = actionsInCode();

  it("finds the actions the code writes (the search itself works)", () => {
    expect(actions.get("project.approve")).toBe("projects/lifecycle.ts");
    expect(actions.get("site.activate")).toBe("sites/status.ts");
    expect(actions.get("collaboration.declined")).toBe("collaborations/site-requests.ts");
    expect(actions.get("database.backedUp")).toBe("database/backup-record.ts");
    expect(actions.size).toBeGreaterThan(60);
  });

  it("has a phrase for every action written anywhere in lib/", () => {
    const missing = [...actions].filter(([action]) => !AUDIT_PHRASES[action]).map(([action, file]) => `${action} (${file})`);
    expect(missing).toEqual([]);
  });

  it("says each phrase in words, naming the record at most once", () => {
    for (const [action, phrase] of Object.entries(AUDIT_PHRASES)) {
      expect(phrase, action).not.toMatch(/[A-Z][a-z]+[A-Z]|\w\.\w|_/);
      expect(phrase.split("{entity}").length, action).toBeLessThanOrEqual(2);
    }
  });

  it("splits a phrase round the record's name, and lists actions for the filter in words", () => {
    expect(phraseParts("project.approve")).toEqual({ before: "approved the proposal", after: "", hasEntity: true });
    expect(phraseParts("site.imported")).toEqual({ before: "imported hospitals from the NHS list", after: "", hasEntity: false });
    expect(phraseParts("something.new")).toEqual({ before: 'did "something.new" to', after: "", hasEntity: true });
    expect(actionLabel("project.approve")).toBe("Approved the proposal …");
    expect(actionLabel("site.progressRecorded")).toBe("Recorded cases submitted at …");
  });
});
