// The secondary suppression on a model it once failed on (the answer's Tables 1–18 over the
// integration tests' agencies): two narrow cells of one table in the same round, the first one's
// widener hiding the last shown non-zero figure the second one could have used. The second is
// then no longer narrow at all (nothing shown bounds it), so the solver must check again instead
// of giving up with "geen cel meer om te verbergen".
import { describe, expect, it } from "vitest";
import fixture from "./narrow-after-widening.fixture.json";
import { attackerRanges, wideEnough } from "./interval";
import type { Model } from "./model";
import { suppress } from "./protect";

const model = fixture as unknown as Model;

describe("suppress", () => {
  it("checks again when a narrow cell lost its last candidate to another's widener in the same round", { timeout: 60_000 }, async () => {
    const hidden = await suppress(model);
    // every figure of 1–4 hidden, and no hidden figure narrowed to fewer than 3 values
    model.primary.forEach((p, i) => p && expect(hidden[i], model.cells[i]!.key).toBe(true));
    const ranges = await attackerRanges(model, hidden, undefined, { exact: true });
    for (const [cell, range] of ranges) expect(wideEnough(range), `${model.cells[cell]!.key} ${JSON.stringify(range)}`).toBe(true);
  });
});
