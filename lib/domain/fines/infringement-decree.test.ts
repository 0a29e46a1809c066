import { describe, expect, it } from "vitest";
import { INFRINGEMENT_TYPES } from "@/lib/domain/code-sets";
import { infringementTypeBreaches, infringementTypesOn, RULE_CHANGE_DATE } from "./infringement-decree";

describe("the decree of 2022-03-01", () => {
  it("names every breach at once: an entitled newcomer's new type before the change is both not yet and not for them", () => {
    expect(infringementTypeBreaches("NIET_REGELMATIG_DEELGENOMEN", "2022-02-28", "RECHT")).toEqual(["NOT_YET", "ENTITLED_ONLY"]);
    expect(infringementTypeBreaches("ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD", RULE_CHANGE_DATE, "RECHT")).toEqual(["ABOLISHED"]);
    expect(infringementTypeBreaches("BESTAAT_NIET", "2021-01-01", "PLICHT")).toEqual(["UNKNOWN"]);
  });
  it("a type exists on a date exactly when it has no breach", () => {
    for (const date of ["2022-02-28", RULE_CHANGE_DATE]) {
      for (const group of ["PLICHT", "RECHT", "ONBEPAALD"] as const) {
        const on = infringementTypesOn(date, group);
        for (const t of INFRINGEMENT_TYPES) expect(on.includes(t)).toBe(infringementTypeBreaches(t, date, group).length === 0);
      }
    }
  });
});
