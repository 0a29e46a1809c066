import { describe, expect, it } from "vitest";
import { can, navigationFor } from "./permissions";

describe("permissions", () => {
  it("lets only admins decide fines and manage users", () => {
    expect(can("ADMIN", "fine.decide")).toBe(true);
    expect(can("STAFF", "fine.decide")).toBe(false);
    expect(can("MANAGER", "fine.decide")).toBe(false);
    expect(can("MANAGER", "user.manage")).toBe(false);
  });
  it("keeps managers out of dossiers and staff out of reports", () => {
    expect(can("MANAGER", "dossier.read")).toBe(false);
    expect(can("STAFF", "report.read")).toBe(false);
  });
  it("shows each role its own sections", () => {
    expect(navigationFor("STAFF").map((n) => n.key)).toEqual(["dossiers", "werklijsten"]);
    expect(navigationFor("MANAGER").map((n) => n.key)).toEqual(["rapporten"]);
    expect(navigationFor("ADMIN").map((n) => n.key)).toEqual(["dossiers", "werklijsten", "rapporten", "boetes", "dvz", "beheer"]);
  });
});
