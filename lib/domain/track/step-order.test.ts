import { describe, expect, it } from "vitest";
import { adviceFactsOn, earliestSteps, stepOrderBreach } from "./step-order";

const track = [
  { type: "REGISTRATION", date: "2024-02-01" },
  { type: "CONTRACT", date: "2024-03-01" },
  { type: "REGISTRATION", date: "2024-01-15" },
  { type: "ATTESTATION", date: "2024-09-01" },
];

describe("step order", () => {
  it("measures a contract against the earliest registration and an attestation against the earliest contract", () => {
    const earliest = earliestSteps(track);
    expect(earliest).toEqual({ registration: "2024-01-15", contract: "2024-03-01" });
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
});
