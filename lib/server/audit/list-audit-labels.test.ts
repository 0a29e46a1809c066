import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActionLabel, isKnownAuditAction } from "./list-audit-labels";

// The union is a type (gone at run time): read its string literals from the source.
function actionsOfTheUnion(): string[] {
  const source = fs.readFileSync(path.join(__dirname, "audit.ts"), "utf8");
  const union = /export type AuditAction =([\s\S]*?);/.exec(source)?.[1] ?? "";
  return [...union.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}

describe("audit action labels", () => {
  it("every AuditAction has a Dutch label", () => {
    const actions = actionsOfTheUnion();
    expect(actions.length).toBeGreaterThan(20);
    expect(actions.filter((a) => !isKnownAuditAction(a))).toEqual([]);
    for (const a of actions) expect(auditActionLabel(a)).not.toBe(a);
  });

  it("every AuditAction has an English label, not the Dutch one", () => {
    for (const a of actionsOfTheUnion()) {
      expect(auditActionLabel(a, "en"), a).not.toBe(a);
      expect(auditActionLabel(a, "en"), a).not.toBe(auditActionLabel(a, "nl"));
    }
    expect(auditActionLabel("newcomer.view", "en")).toBe("Case file opened");
  });
});
