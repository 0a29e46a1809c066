// A row of the reasons statement for unit tests: every count 0, no change of value, the cell of
// table 0 without keys; `x` sets what the test is about.
import type { ReasonRow } from "./change-reasons";

export const reasonRow = (x: Partial<ReasonRow>): ReasonRow => ({
  t: 0,
  gk: 0,
  gy: 0,
  k1: null,
  k2: null,
  year: null,
  added: "0",
  corrected: "0",
  cancelled: "0",
  decided: "0",
  dv: "0",
  ...x,
});
