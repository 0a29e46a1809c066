import { describe, expect, it } from "vitest";
import { changesAsText, describeAuditChanges } from "./list-audit-changes";

describe("describeAuditChanges", () => {
  it("lists only the fields that changed, with Dutch labels, old → new", () => {
    const changes = describeAuditChanges(
      { id: "x", lastName: "Peeters", firstName: "An", officeCode: "K1", version: 1 },
      { id: "x", lastName: "Janssens", firstName: "An", officeCode: "K2", version: 2 },
    );
    expect(changes).toEqual([
      { field: "lastName", label: "Familienaam", before: "Peeters", after: "Janssens" },
      { field: "officeCode", label: "Kantoor", before: "K1", after: "K2" },
    ]);
    expect(changesAsText(changes)).toBe("Familienaam: Peeters → Janssens; Kantoor: K1 → K2");
  });

  it("masks national numbers, in clear or anywhere in a value", () => {
    const changes = describeAuditChanges(null, { nationalNumber: "86062000381", other: { nn: "86062000381" }, active: true, note: null });
    expect(changes).toEqual([
      { field: "nationalNumber", label: "Rijksregisternummer", before: null, after: "86.06.20-***.**" },
      { field: "other", label: "other", before: null, after: '{"nn":"86.06.20-***.**"}' },
      { field: "active", label: "Actief", before: null, after: "ja" },
      { field: "note", label: "Opmerking", before: null, after: "—" },
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/\d{11}/);
  });

  it("counts long lists instead of printing them", () => {
    expect(describeAuditChanges(null, { newcomerIds: ["a1b2c3d4-0000-0000-0000-000000000000", "b"] })[0]!.after).toBe("2 stuks");
  });
});
