import { describe, expect, it } from "vitest";
import { adviceFactsOn, earliestSteps, stepOrderBreach, stepOrderWarning } from "./step-order";

const track = [
  { type: "REGISTRATION", date: "2024-02-01" },
  { type: "CONTRACT", date: "2024-03-01" },
  { type: "REGISTRATION", date: "2024-01-15" },
  { type: "ATTESTATION", date: "2024-09-01" },
];

describe("step order", () => {
  it("measures a contract against the earliest registration and an attestation against the earliest contract", () => {
    const earliest = earliestSteps(track);
    expect(earliest).toEqual({ registration: "2024-01-15", contract: "2024-03-01", extraction: null });
    expect(stepOrderBreach("CONTRACT", "2024-01-15", earliest)).toBeNull();
    expect(stepOrderBreach("CONTRACT", "2024-01-14", earliest)).toEqual({ kind: "BEFORE_REGISTRATION", registration: "2024-01-15" });
    expect(stepOrderBreach("ATTESTATION", "2024-02-01", earliest)).toEqual({ kind: "BEFORE_CONTRACT", contract: "2024-03-01" });
    expect(stepOrderBreach("CONTRACT", "2024-01-01", earliestSteps([]))).toEqual({ kind: "NO_REGISTRATION" });
    expect(stepOrderBreach("ATTESTATION", "2024-01-01", earliestSteps([]))).toEqual({ kind: "NO_CONTRACT" });
  });
  it("a DVZ advice records the contract and attestation on or before its date", () => {
    expect(adviceFactsOn("2024-02-28", track)).toEqual({ contractSigned: false, attestationObtained: false });
    expect(adviceFactsOn("2024-03-01", track)).toEqual({ contractSigned: true, attestationObtained: false });
    expect(adviceFactsOn("2024-09-01", track)).toEqual({ contractSigned: true, attestationObtained: true });
  });
  it("warns (does not refuse) an invitation or registration without an extraction on or before its date", () => {
    const none = earliestSteps(track);
    expect(stepOrderWarning("INVITATION", "2024-01-01", none)).toEqual({ kind: "NO_EXTRACTION" });
    expect(stepOrderWarning("REGISTRATION", "2024-01-01", none)).toEqual({ kind: "NO_EXTRACTION" });
    const extracted = earliestSteps([...track, { type: "EXTRACTION", date: "2024-01-10" }, { type: "EXTRACTION", date: "2024-05-01" }]);
    expect(extracted.extraction).toBe("2024-01-10");
    expect(stepOrderWarning("INVITATION", "2024-01-09", extracted)).toEqual({ kind: "BEFORE_EXTRACTION", extraction: "2024-01-10" });
    // on the day of the extraction is in order
    expect(stepOrderWarning("INVITATION", "2024-01-10", extracted)).toBeNull();
    expect(stepOrderWarning("REGISTRATION", "2024-01-11", extracted)).toBeNull();
    // the other steps have their own (error) rules, or none
    for (const type of ["EXTRACTION", "CONTRACT", "ATTESTATION", "INFRINGEMENT", "DVZ_ADVICE"]) expect(stepOrderWarning(type, "2024-01-01", none)).toBeNull();
  });
});
