// The matching rule of likely duplicates, the numbers a merge keeps and the merge's effect on the reports.
import { describe, expect, it } from "vitest";
import { duplicateReason, isBisNumber, mergeEffect, numbersAfterMerge } from "./duplicates";
import { makeNationalNumber } from "./national-number";
import { toSearchName } from "./search-name";

const nn = makeNationalNumber("1990-04-13", 11);
const bis = makeNationalNumber("1990-04-13", 12, { bis: true });
const person = (over: Partial<{ searchName: string; birthDate: string; nationalNumber: string }> = {}) => ({
  searchName: toSearchName("Öztürk", "Ayşe"),
  birthDate: "1990-04-13",
  nationalNumber: nn,
  ...over,
});

describe("duplicateReason", () => {
  it("matches the same name ignoring accents and case with the same birth date", () => {
    const other = person({ searchName: toSearchName("OZTURK", "ayse"), nationalNumber: makeNationalNumber("1990-04-13", 13) });
    expect(duplicateReason(person(), other)).toBe("SAME_NAME_BIRTH_DATE");
  });

  it("names a BIS number and a national number of the same name and birth date", () => {
    expect(isBisNumber(bis)).toBe(true);
    expect(isBisNumber(nn)).toBe(false);
    expect(duplicateReason(person(), person({ nationalNumber: bis }))).toBe("BIS_AND_NATIONAL");
    expect(duplicateReason(person({ nationalNumber: bis }), person())).toBe("BIS_AND_NATIONAL");
  });

  it("does not match another birth date, another name, or the same dossier", () => {
    expect(duplicateReason(person(), person({ nationalNumber: bis, birthDate: "1990-04-14" }))).toBeNull();
    expect(duplicateReason(person(), person({ nationalNumber: bis, searchName: toSearchName("Öztürk", "Ayten") }))).toBeNull();
    expect(duplicateReason(person(), person())).toBeNull();
  });
});

describe("numbersAfterMerge", () => {
  it("keeps the national number, not the BIS number, whichever dossier survives", () => {
    expect(numbersAfterMerge(nn, bis)).toEqual({ kept: nn, alias: bis, keptFrom: "survivor" });
    expect(numbersAfterMerge(bis, nn)).toEqual({ kept: nn, alias: bis, keptFrom: "merged" });
  });

  it("keeps the survivor's number when both are of the same kind", () => {
    const other = makeNationalNumber("1990-04-13", 13);
    expect(numbersAfterMerge(nn, other)).toEqual({ kept: nn, alias: other, keptFrom: "survivor" });
  });
});

describe("mergeEffect", () => {
  it("says which first-of-type facts were counted twice and become one, in the earlier year", () => {
    const a = [
      { type: "EXTRACTION", date: "2021-03-01", live: true },
      { type: "CONTRACT", date: "2021-06-01", live: true },
    ];
    const b = [
      { type: "EXTRACTION", date: "2020-02-01", live: true },
      { type: "INVITATION", date: "2020-03-01", live: true },
      { type: "CONTRACT", date: "2019-01-01", live: false },
    ];
    expect(mergeEffect(a, b)).toEqual([{ type: "EXTRACTION", count: 2, firstYears: [2020, 2021], firstYearAfter: 2020 }]);
  });
});
