import { describe, expect, it } from "vitest";
import { buildReasonsQuery, reasonSpecs, withReasons } from "./change-reasons";
import type { TableDiff } from "./diff";
import { reasonRow } from "./reason-row.test-support";

const spec = { measure: "contracts" as const, by: ["nationality" as const], from: 2020, to: 2022 };

describe("reasons behind changed cells", () => {
  it("is one statement for all tables, every value a parameter; nothing to explain gives no statement", () => {
    const q = buildReasonsQuery({
      specs: [spec, null, { ...spec, measure: "fines" }],
      asOf: "2023-01-15",
      agency: "ATLAS'--",
      since: "2023-01-15T18:00:00.000Z",
      until: null,
    })!;
    // the changed facts in one CTE, each record's reason looked up once, a branch per table explained
    expect(q.text.match(/FROM report_fact f/g)).toHaveLength(1);
    expect(q.text.match(/FROM track_event e/g)).toHaveLength(1);
    expect(q.text.match(/FROM why w/g)).toHaveLength(2);
    expect(q.text).not.toContain("ATLAS");
    expect(q.values).toContain("ATLAS'--");
    expect(q.text).toContain("w.o_state = 'BOETE'");
    expect(buildReasonsQuery({ specs: [null], asOf: "2023-01-15", agency: null, since: "2023-01-15T18:00:00.000Z", until: null })).toBeNull();
  });

  it("puts the counts on the diff's cells: row cells, row totals, the Totaal line; a missing key is ONBEKEND", () => {
    const tables: TableDiff[] = [
      {
        index: 0,
        spec,
        changes: [
          { keys: ["ONBEKEND"], labels: ["Onbekend"], column: 2021, old: 1, new: 2, difference: 1 },
          { keys: ["MAR"], labels: ["Marokko"], column: "total", old: 5, new: 4, difference: -1 },
          { keys: [], labels: [], column: 2022, old: 9, new: 9 + 1, difference: 1 },
        ],
      },
    ];
    const row = reasonRow;
    const out = withReasons(
      tables,
      [spec],
      [row({ k1: null, year: 2021, added: "1" }), row({ k1: "MAR", gy: 1, cancelled: "1" }), row({ gk: 1, year: 2022, corrected: "2" })],
    );
    expect(out[0]!.changes.map((c) => c.reasons)).toEqual([
      { addedLater: 1, corrected: 0, cancelled: 0, decidedLater: 0 },
      { addedLater: 0, corrected: 0, cancelled: 1, decidedLater: 0 },
      { addedLater: 0, corrected: 2, cancelled: 0, decidedLater: 0 },
    ]);
  });

  it("explains a table only when both sides count the same thing, over both sides' years", () => {
    expect(
      reasonSpecs(
        [spec, spec],
        [
          { ...spec, from: 2021, to: 2023 },
          { ...spec, by: ["gender"] },
        ],
      ),
    ).toEqual([{ ...spec, from: 2020, to: 2023 }, null]);
  });
});
