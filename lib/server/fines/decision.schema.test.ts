import { describe, expect, it } from "vitest";
import { messageOfIssue } from "@/lib/domain/kit";
import { renderMessage } from "@/lib/i18n/message";
import { decisionSchema } from "./decision.schema";

const base = { outcome: "BOETE", decidedOn: "2026-04-01", motivation: "Motivering.", version: "3" };
const errorsOf = (input: unknown) => {
  const r = decisionSchema.safeParse(input);
  // issues carry message keys: compare their Dutch text (unchanged)
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), renderMessage(messageOfIssue(i))]));
};

describe("decision input", () => {
  it("reads amounts typed the Belgian way and the version from a form", () => {
    const r = decisionSchema.parse({ ...base, amountEur: "1.500" });
    expect(r).toMatchObject({ amountEur: 1500, version: 3, correctionReason: null });
    expect(decisionSchema.parse({ ...base, amountEur: 75 }).amountEur).toBe(75);
  });
  it("requires an amount for a fine, and none for the other outcomes", () => {
    expect(errorsOf({ ...base, amountEur: "" })).toEqual({ amountEur: "Een boete heeft een bedrag." });
    expect(errorsOf({ ...base, amountEur: "75,5" }).amountEur).toMatch(/heel bedrag van 50 tot 5000/);
    expect(errorsOf({ ...base, amountEur: "abc" }).amountEur).toBe("Vul het bedrag in hele euro in.");
    expect(errorsOf({ ...base, outcome: "GEEN_GEVOLG", amountEur: "100" })).toEqual({ amountEur: "Alleen een boete heeft een bedrag." });
    expect(errorsOf({ ...base, outcome: "GEEN_BOETE", amountEur: "" })).toEqual({});
  });
  it("refuses impossible dates, an unknown outcome and an empty motivation", () => {
    expect(errorsOf({ ...base, amountEur: 75, decidedOn: "2026-02-30" }).decidedOn).toBe("Dit is geen bestaande datum.");
    expect(errorsOf({ ...base, amountEur: 75, outcome: "BOETES" }).outcome).toBe("Kies een besluit.");
    expect(errorsOf({ ...base, amountEur: 75, motivation: "   " }).motivation).toBe("Vul de motivering in.");
  });
});
