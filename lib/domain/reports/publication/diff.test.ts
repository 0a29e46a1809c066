import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { diffFigures } from "./diff";
import { canonicalJson, contentHash, type PublishedTable } from "./figures";

const spec = { measure: "contracts", by: ["nationality"], from: 2021, to: 2022 } as PublishedTable["spec"];
const table = (rows: [string, (number | string)[], number | string][], totals: (number | string)[], grand: number | string): PublishedTable => ({
  spec,
  years: [2021, 2022],
  rows: rows.map(([k, values, total]) => ({ keys: [k], labels: [k], values, total })),
  totals: { values: totals, total: grand },
  subtotals: [],
});

describe("diffFigures", () => {
  it("lists only the changed cells, with old, new and difference; a row gone counts as zeros", () => {
    const before = table(
      [
        ["AFG", [2, 3], 5],
        ["MAR", [1, 0], 1],
      ],
      [3, 3],
      6,
    );
    const after = table([["AFG", [2, 4], 6]], [2, 4], 6);
    expect(diffFigures([before], [after])[0]!.changes.map((c) => [c.keys.join(), c.column, c.old, c.new, c.difference])).toEqual([
      ["AFG", 2022, 3, 4, 1],
      ["AFG", "total", 5, 6, 1],
      ["MAR", 2021, 1, 0, -1],
      ["MAR", "total", 1, 0, -1],
      ["", 2021, 3, 2, -1],
      ["", 2022, 3, 4, 1],
    ]);
  });

  it("gives a hidden figure no difference", () => {
    const [d] = diffFigures([table([["AFG", ["x", 7], "x"]], ["x", 7], "x")], [table([["AFG", [3, 7], 10]], [3, 7], 10)]);
    expect(d!.changes.find((c) => c.column === 2021 && c.keys.length)).toMatchObject({ old: "x", new: 3, difference: null });
  });
});

describe("contentHash", () => {
  it("does not depend on key order, and changes with any figure", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    const params = { tables: [spec], from: 2021, to: 2022, asOf: "2023-01-15", agency: null, forPublication: true };
    const t = table([["AFG", [2, 3], 5]], [2, 3], 5);
    expect(contentHash(params, [t])).toBe(contentHash({ ...params }, [JSON.parse(JSON.stringify(t))]));
    expect(contentHash(params, [t])).not.toBe(contentHash(params, [table([["AFG", [2, 4], 6]], [2, 4], 6)]));
  });
});

describe("contentHash over the texts", () => {
  const params = { tables: [spec], from: 2021, to: 2022, asOf: "2023-01-15", agency: null, forPublication: true };
  const t = table([["AFG", [2, 3], 5]], [2, 3], 5);
  const texts = {
    title: "Antwoord",
    questionNumber: 113,
    questionDate: "2023-01-06",
    questionMember: "Maaike De Vreese",
    questionText: "Schriftelijke vraag nr. 113",
    introduction: "De cijfers geven de situatie weer op 15/01/2023.",
  };
  it("changes with the question text, the introduction and the question, not only with the figures", () => {
    const h = contentHash(params, [t], texts);
    expect(contentHash(params, [t], { ...texts })).toBe(h);
    expect(contentHash(params, [t], { ...texts, introduction: "De cijfers geven de situatie weer op 15/03/2023." })).not.toBe(h);
    expect(contentHash(params, [t], { ...texts, questionText: "Schriftelijke vraag nr. 114" })).not.toBe(h);
    expect(contentHash(params, [t], { ...texts, questionText: null })).not.toBe(h);
    expect(contentHash(params, [t], { ...texts, title: "Antwoord (definitief)" })).not.toBe(h);
    expect(contentHash(params, [t], { ...texts, questionMember: null })).not.toBe(h);
  });
  it("without texts is the hash of the parameters and figures alone (publications hashed before)", () => {
    expect(contentHash(params, [t])).toBe(
      createHash("sha256")
        .update(canonicalJson({ params, figures: [t] }))
        .digest("hex"),
    );
  });
});
