import { describe, expect, it } from "vitest";
// The rules return message keys; these tests check the Dutch text they stand for (unchanged).
import { infringementTypesOn } from "@/lib/domain/fines/infringement-decree";
import { renderMessage } from "@/lib/i18n/message";
import * as rules from "./track-rules";
import { trackStatusOf } from "./track-rules";

const nl = <T>(m: T) => (m === null ? null : renderMessage(m as string));
const futureDateProblem = (...a: Parameters<typeof rules.futureDateProblem>) => nl(rules.futureDateProblem(...a));
const infringementTypeProblem = (...a: Parameters<typeof rules.infringementTypeProblem>) => nl(rules.infringementTypeProblem(...a));
const stepOrderProblem = (...a: Parameters<typeof rules.stepOrderProblem>) => nl(rules.stepOrderProblem(...a));
const trackOrderProblem = (...a: Parameters<typeof rules.trackOrderProblem>) => {
  const p = rules.trackOrderProblem(...a);
  return p && { ...p, reason: renderMessage(p.reason) };
};

describe("infringement types and the rules of 2022-03-01", () => {
  it("lists the old types before the rule change and the new ones from it", () => {
    expect(infringementTypesOn("2022-02-28", "PLICHT")).toContain("ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD");
    expect(infringementTypesOn("2022-02-28", "PLICHT")).not.toContain("NIET_REGELMATIG_DEELGENOMEN");
    expect(infringementTypesOn("2022-03-01", "PLICHT")).not.toContain("ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD");
    expect(infringementTypesOn("2022-03-01", "PLICHT")).toEqual(
      expect.arrayContaining(["NIET_REGELMATIG_DEELGENOMEN", "NIET_TIJDIG_AANGEMELD_NA_OPSCHORTING", "NIET_TIJDIG_AANGEMELD"]),
    );
  });
  it("gives entitled newcomers only 'onrechtmatig vroegtijdig beëindigd', which ends on 2022-03-01", () => {
    expect(infringementTypesOn("2021-05-01", "RECHT")).toEqual(["ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD"]);
    expect(infringementTypesOn("2022-03-01", "RECHT")).toEqual([]);
    expect(infringementTypeProblem("NIET_TIJDIG_AANGEMELD", "2021-05-01", "RECHT")).toMatch(/rechthebbende/);
    expect(infringementTypeProblem("ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD", "2021-05-01", "RECHT")).toBeNull();
  });
  it("explains why a type does not exist on the date", () => {
    expect(infringementTypeProblem("ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD", "2022-03-01", "PLICHT")).toMatch(/niet meer/);
    expect(infringementTypeProblem("NIET_REGELMATIG_DEELGENOMEN", "2022-02-28", "PLICHT")).toMatch(/pas/);
    expect(infringementTypeProblem("NIET_REGELMATIG_DEELGENOMEN", "2022-03-01", "PLICHT")).toBeNull();
  });
});

describe("order of the steps", () => {
  it("needs a registration on or before the contract", () => {
    expect(stepOrderProblem("CONTRACT", "2020-05-01", [])).toMatch(/aanmelding/);
    expect(stepOrderProblem("CONTRACT", "2020-05-01", [{ type: "REGISTRATION", date: "2020-06-01" }])).toBe(
      "Het contract kan niet vóór de aanmelding (01/06/2020) ondertekend zijn.",
    );
    expect(stepOrderProblem("CONTRACT", "2020-06-01", [{ type: "REGISTRATION", date: "2020-06-01" }])).toBeNull();
  });
  it("needs a contract on or before the attestation", () => {
    expect(stepOrderProblem("ATTESTATION", "2021-01-01", [{ type: "REGISTRATION", date: "2020-01-01" }])).toMatch(/contract/);
    expect(stepOrderProblem("ATTESTATION", "2021-01-01", [{ type: "CONTRACT", date: "2021-02-01" }])).toMatch(/vóór het contract \(01\/02\/2021\)/);
    expect(stepOrderProblem("ATTESTATION", "2021-03-01", [{ type: "CONTRACT", date: "2021-02-01" }])).toBeNull();
  });
  it("puts no order on the other steps", () => {
    expect(stepOrderProblem("INVITATION", "2020-01-01", [])).toBeNull();
    expect(stepOrderProblem("INFRINGEMENT", "2020-01-01", [])).toBeNull();
  });
});

describe("dates and status", () => {
  it("refuses dates after today", () => {
    expect(futureDateProblem("2023-01-16", "2023-01-15")).toMatch(/toekomst/);
    expect(futureDateProblem("2023-01-15", "2023-01-15")).toBeNull();
  });
  it("takes the furthest step as the status", () => {
    expect(trackStatusOf([])).toBeNull();
    expect(trackStatusOf(["INFRINGEMENT"])).toBeNull();
    expect(trackStatusOf(["EXTRACTION", "CONTRACT", "INVITATION", "INFRINGEMENT"])).toBe("CONTRACT");
  });
});

describe("order of a whole track", () => {
  it("finds the step a correction or cancellation would break", () => {
    const reg = { id: "r", type: "REGISTRATION" as const, date: "2020-01-10" };
    const con = { id: "c", type: "CONTRACT" as const, date: "2020-02-01" };
    expect(trackOrderProblem([reg, con])).toBeNull();
    expect(trackOrderProblem([con])).toMatchObject({ id: "c" });
    expect(trackOrderProblem([{ ...reg, date: "2020-03-01" }, con])).toMatchObject({ id: "c", reason: expect.stringContaining("01/03/2020") });
  });
});

describe("steps out of the usual order (warnings to confirm)", () => {
  const warning = (...a: Parameters<typeof rules.stepOrderWarningOf>) => {
    const w = rules.stepOrderWarningOf(...a);
    return w && { code: w.code, reason: renderMessage(w.reason) };
  };
  const extraction = { type: "EXTRACTION" as const, date: "2020-02-01" };
  it("warns for an invitation before the extraction, and a registration without one", () => {
    expect(warning("INVITATION", "2020-01-15", [extraction])).toEqual({
      code: "INVITATION_BEFORE_EXTRACTION",
      reason: "De uitnodiging ligt vóór de extractie uit het rijksregister (01/02/2020).",
    });
    expect(warning("INVITATION", "2020-01-15", [])).toMatchObject({ code: "INVITATION_NO_EXTRACTION", reason: expect.stringMatching(/geen extractie/) });
    expect(warning("REGISTRATION", "2020-03-01", [])).toMatchObject({ code: "REGISTRATION_NO_EXTRACTION" });
    expect(warning("REGISTRATION", "2020-01-31", [extraction])).toMatchObject({ code: "REGISTRATION_BEFORE_EXTRACTION" });
  });
  it("is silent for steps in order, and leaves the errors to stepOrderProblem", () => {
    expect(warning("INVITATION", "2020-02-01", [extraction])).toBeNull();
    expect(warning("REGISTRATION", "2020-05-01", [extraction])).toBeNull();
    expect(warning("CONTRACT", "2020-05-01", [])).toBeNull();
    expect(warning("EXTRACTION", "2020-05-01", [])).toBeNull();
    // an attestation without a contract stays an error, not a warning
    expect(stepOrderProblem("ATTESTATION", "2020-05-01", [extraction])).toMatch(/contract/);
    expect(warning("ATTESTATION", "2020-05-01", [extraction])).toBeNull();
  });
});
