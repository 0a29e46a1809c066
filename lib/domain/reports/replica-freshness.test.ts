import { describe, expect, it } from "vitest";
import { freshnessText, judgeReplica } from "./replica-freshness";

const now = new Date("2026-12-02T13:02:31Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);

describe("judgeReplica", () => {
  it("a replica that replayed all it received is current, however old its last transaction", () => {
    expect(judgeReplica({ in_recovery: true, replayed_at: ago(3600), caught_up: true, now }, 300)).toEqual({
      source: "replica",
      until: now.toISOString(),
      lagSeconds: 0,
    });
  });
  it("with WAL waiting, the data are complete up to the last replayed commit", () => {
    expect(judgeReplica({ in_recovery: true, replayed_at: ago(12), caught_up: false, now }, 300)).toEqual({
      source: "replica",
      until: ago(12).toISOString(),
      lagSeconds: 12,
    });
  });
  it("more lag than the limit: read from the primary", () => {
    expect(judgeReplica({ in_recovery: true, replayed_at: ago(301), caught_up: false, now }, 300)).toEqual({
      source: "primary",
      reason: "lagging",
      lagSeconds: 301,
    });
    // a limit of 0: any WAL waiting sends the report to the primary
    expect(judgeReplica({ in_recovery: true, replayed_at: ago(0.2), caught_up: false, now }, 0)).toMatchObject({ source: "primary", reason: "lagging" });
  });
  it("WAL waiting and nothing replayed yet: lagging by an unknown amount", () => {
    expect(judgeReplica({ in_recovery: true, replayed_at: null, caught_up: false, now }, 300)).toEqual({
      source: "primary",
      reason: "lagging",
      lagSeconds: null,
    });
  });
  it("a server that is not in recovery is current", () => {
    expect(judgeReplica({ in_recovery: false, replayed_at: null, caught_up: true, now }, 0)).toMatchObject({ source: "replica", lagSeconds: 0 });
  });
});

describe("freshnessText", () => {
  it("says until when (Brussels time) or why the primary answered", () => {
    expect(freshnessText({ source: "replica", until: "2026-12-02T13:02:31Z", lagSeconds: 0 })).toBe("Gegevens tot 14:02:31.");
    expect(freshnessText({ source: "primary", reason: "unreachable" })).toBe("De replica is niet bereikbaar; de cijfers komen van de hoofddatabank.");
    expect(freshnessText({ source: "primary", reason: "lagging", lagSeconds: 42 })).toBe(
      "De replica loopt 42 s achter; de cijfers komen van de hoofddatabank.",
    );
    expect(freshnessText({ source: "primary", reason: "lagging", lagSeconds: null })).toBe("De replica loopt achter; de cijfers komen van de hoofddatabank.");
  });
});
