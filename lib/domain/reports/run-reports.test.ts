import { describe, expect, it } from "vitest";
import { runReports } from "./run-reports";

describe("runReports", () => {
  it("runs at most `concurrency` statements at once and returns the reports in the order asked", async () => {
    let inFlight = 0;
    let most = 0;
    const asked: string[] = [];
    const executor = {
      query: async (_text: string, values: unknown[] = []) => {
        inFlight++;
        most = Math.max(most, inFlight);
        asked.push(String(values.find((v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v))));
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return { rows: [] };
      },
    };
    const inputs = ["2023-01-10", "2023-01-11", "2023-01-12", "2023-01-13", "2023-01-14"].map((asOf) => ({
      measure: "contracts",
      by: ["agency"],
      from: 2019,
      to: 2022,
      asOf,
    }));
    const reports = await runReports(executor, inputs, 2);
    expect(most).toBe(2);
    expect(reports.map((r) => r.asOf)).toEqual(inputs.map((i) => i.asOf));
    expect(asked).toHaveLength(5);
  });
});
