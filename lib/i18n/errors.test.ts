// The errors of lib/ are message keys: they come out in English with locale en and unchanged in
// Dutch, and every key the code uses exists in both catalogues (with the same placeholders).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codes } from "@/lib/domain/codes";
import { makeNationalNumber, validateNationalNumber } from "@/lib/domain/national-number";
import { validateExchangeLine, type ReferenceCodes } from "@/lib/domain/exchange/validate-line";
import { ZodError } from "zod";
import { fieldErrorsOf, issuesText } from "@/lib/domain/kit";
import { parseReportParams } from "@/lib/domain/reports/report-params.schema";
import { stepOrderProblem, trackOrderProblem } from "@/lib/domain/track/track-rules";
import { errorOutcome } from "@/lib/server/entry/error-map";
import { ForbiddenError, ValidationError } from "@/lib/server/errors";
import { decisionSchema } from "@/lib/server/fines/decision.schema";
import { createNewcomerSchema } from "@/lib/server/dossiers/newcomer.schema";
import en from "@/messages/en/errors.json";
import nl from "@/messages/nl/errors.json";
import { permissionRoles } from "@/lib/domain/permissions";
import { AUDIT_ACTION_CODES } from "@/lib/server/audit/list-audit-labels";
import { asMsg, isErrorKey, msg, renderMessage } from "./message";

const refs: ReferenceCodes = {
  offices: new Map(codes.offices.map((o) => [o.code, o.agency])),
  nationalities: new Map(codes.nationalities.map((n) => [n.code, n.group])),
  residenceStatuses: new Set(codes.residenceStatuses.map((r) => r.code)),
};

/** A valid newcomer form; `birthDate` and the national number agree. */
const newcomerForm = (over: Record<string, unknown> = {}) => ({
  nationalNumber: makeNationalNumber("1990-04-12", 2),
  lastName: "Peeters",
  firstName: "An",
  birthDate: "1990-04-12",
  gender: "V",
  nationalityCode: codes.nationalities[0]!.code,
  residenceStatusCode: codes.residenceStatuses[0]!.code,
  targetGroup: "PLICHT",
  officeCode: codes.offices[0]!.code,
  ...over,
});

describe("errors in English", () => {
  it("national number checksum", () => {
    const check = validateNationalNumber("85073003329");
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(renderMessage(check.reason, "en")).toBe("The check digits of the national register number are wrong.");
    expect(renderMessage(check.reason)).toBe("Het controlegetal van het rijksregisternummer klopt niet.");
  });

  it("future birth date, through the form schema and the error map", () => {
    const parsed = createNewcomerSchema.safeParse(newcomerForm({ birthDate: "2999-01-01" }));
    expect(parsed.success).toBe(false);
    const e = new ValidationError(fieldErrorsOf(parsed.error!.issues));
    expect(e.fieldErrorsIn("en").birthDate).toBe("A date in the future is not possible.");
    expect(e.fieldErrors.birthDate).toBe("Een datum in de toekomst kan niet.");
    const o = errorOutcome(e, "test", undefined, "en");
    expect(o).toMatchObject({ status: 422, message: "Check the highlighted fields.", fieldErrors: { birthDate: "A date in the future is not possible." } });
    // a birth date that disagrees with the number carries both dates as parameters
    const other = createNewcomerSchema.safeParse(newcomerForm({ birthDate: "1990-04-13" }));
    expect(new ValidationError(fieldErrorsOf(other.error!.issues)).fieldErrorsIn("en").nationalNumber).toBe(
      "The date of birth (1990-04-13) does not match the national register number (1990-04-12).",
    );
  });

  it("fine range (decision form)", () => {
    const parsed = decisionSchema.safeParse({ outcome: "BOETE", decidedOn: "2024-04-01", motivation: "M.", version: "1", amountEur: "10" });
    const e = new ValidationError(fieldErrorsOf(parsed.error!.issues));
    expect(e.fieldErrorsIn("en").amountEur).toBe("The amount must be a whole amount from 50 to 5000 euros.");
    expect(e.fieldErrors.amountEur).toBe("Het bedrag moet een heel bedrag van 50 tot 5000 euro zijn.");
  });

  it("a forbidden step, also inside the cancellation message", () => {
    const order = stepOrderProblem("CONTRACT", "2020-05-01", [{ type: "REGISTRATION", date: "2020-06-01" }])!;
    expect(renderMessage(order, "en")).toBe("The contract cannot have been signed before the registration (01/06/2020).");
    const broken = trackOrderProblem([{ id: "c", type: "CONTRACT", date: "2020-05-01" }])!;
    const cancel = msg("track.cancelBlocked", { reason: asMsg(broken.reason) });
    expect(renderMessage(cancel)).toBe(
      "Annuleren kan niet: een contract kan pas na een aanmelding: registreer eerst de aanmelding. Annuleer of corrigeer eerst die stap.",
    );
    expect(renderMessage(cancel, "en")).toBe(
      "Cancelling is not possible: a contract is only possible after a registration: record the registration first. Cancel or correct that step first.",
    );
  });

  it("an import line error", () => {
    const line = JSON.stringify({
      ...newcomerForm(),
      nationality: "XX",
      office: codes.offices[0]!.code,
      residenceStatus: codes.residenceStatuses[0]!.code,
      events: [],
    });
    const r = validateExchangeLine(line, 4, refs);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.field === "nationality")!;
    expect(renderMessage(e.reason, "en")).toBe("Unknown nationality: XX.");
    expect(renderMessage(e.reason)).toBe("Onbekende nationaliteit: XX.");
  });

  it("a refusal and the generic failure", () => {
    expect(errorOutcome(new ForbiddenError(), "test", undefined, "en")).toEqual({ status: 403, message: "You do not have access to this action." });
    const spy = console.error;
    console.error = () => {};
    try {
      expect(errorOutcome(new Error("boom"), "test", undefined, "en")).toEqual({ status: 500, message: "Something went wrong. Nothing was changed." });
    } finally {
      console.error = spy;
    }
  });

  it("report parameters: Dutch in the thrown error's message, English for the page", () => {
    let caught: unknown;
    try {
      parseReportParams({ measure: "contracts", by: ["decision"], from: 2020, to: 2021, asOf: "2023-01-15" });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ZodError);
    const e = caught as ZodError;
    expect(e.message).toContain("De dimensie decision bestaat niet voor contracts.");
    expect(issuesText(e.issues, "en")).toBe("The dimension decision does not exist for contracts.");
  });

  it("shows a finished text (code not yet converted) as it is", () => {
    expect(renderMessage("Een zin die nog geen sleutel is.", "en")).toBe("Een zin die nog geen sleutel is.");
  });
});

type Tree = { [k: string]: string | Tree };
const flat = (t: Tree, prefix = ""): Record<string, string> =>
  Object.fromEntries(Object.entries(t).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v]] : Object.entries(flat(v, `${prefix}${k}.`)))));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)(?:\|\w+)?\}/g)].map((m) => m[0]).sort();

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "generated" ? [] : sources(p);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}

describe("the errors catalogues", () => {
  const nlKeys = flat(nl as Tree),
    enKeys = flat(en as Tree);

  it("nl and en have the same keys, each with a text and the same placeholders", () => {
    expect(Object.keys(enKeys).sort()).toEqual(Object.keys(nlKeys).sort());
    for (const [k, text] of Object.entries(nlKeys)) {
      expect(text.trim(), k).not.toBe("");
      expect(enKeys[k]!.trim(), k).not.toBe("");
      expect(placeholders(enKeys[k]!), k).toEqual(placeholders(text));
    }
  });

  it("every key literal in lib/ exists in both, and every key is used", () => {
    const sections = Object.keys(nl);
    const literal = new RegExp(`["'\`]((?:${sections.join("|")})\\.[A-Za-z0-9]+)["'\`]`, "g");
    const root = path.resolve(__dirname, "..", "..");
    const used = new Set<string>();
    for (const file of ["lib/server", "lib/domain", "lib/i18n"].flatMap((d) => sources(path.join(root, d)))) {
      for (const m of fs.readFileSync(file, "utf8").matchAll(literal)) used.add(m[1]!);
    }
    // audit actions and permissions are spelled like keys ("newcomer.view", "dvz.export"): not messages
    const otherNames = new Set<string>([...AUDIT_ACTION_CODES, ...Object.keys(permissionRoles)]);
    const missing = [...used].filter((k) => !otherNames.has(k) && (!isErrorKey(k, "nl") || !isErrorKey(k, "en")));
    expect(missing).toEqual([]);
    expect(Object.keys(nlKeys).filter((k) => !used.has(k))).toEqual([]);
  });

  it("no Dutch sentence of the catalogue is written out in lib/ (a merge or new code that brings one back)", () => {
    const root = path.resolve(__dirname, "..", "..");
    const code = ["lib/server", "lib/domain"].flatMap((d) => sources(path.join(root, d))).map((f) => [f, fs.readFileSync(f, "utf8")] as const);
    // the longest fixed part of each text (around its placeholders), when long enough to be telling
    const fragments = Object.values(nlKeys)
      .map((t) =>
        t
          .split(/\{[^}]+\}/)
          .sort((a, b) => b.length - a.length)[0]!
          .trim(),
      )
      .filter((f) => f.length >= 15);
    const found = fragments.flatMap((f) => code.filter(([, text]) => text.includes(f)).map(([file]) => `${path.relative(root, file)}: ${f}`));
    expect(found).toEqual([]);
  });
});
