// Export and round trip: export → import into an empty database → export gives the same bytes
// and the same figures; the effective decision is the latest FINAL one; exports are audited.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportExchangeFile } from "@/lib/server/exchange/export-exchange";
import { importExchangeFile } from "@/lib/server/exchange/import-exchange";
import { syntheticNewcomer } from "@/bench/support/synthetic-newcomers";
import type { ExchangeNewcomer } from "@/lib/domain/exchange/record";
import { createEmptyDatabase, query, writeTempFile } from "@/tests/support/exchange-factories";

/** Synthetic newcomers plus the format's rarer shapes: own classification, explicit groups, open amounts. */
function roundTripSource(): string {
  const lines: ExchangeNewcomer[] = Array.from({ length: 1500 }, (_, i) => syntheticNewcomer(50_000 + i));
  const a = lines[0]!;
  a.nationality = "XXX";
  a.nationalityGroup = "DERDELANDER";
  a.events.push({
    type: "INVITATION",
    date: "2023-05-01",
    nationality: "NLD",
    residenceStatus: "ARBEIDSMIGRANT_EU",
    targetGroup: "RECHT",
    office: "AGII_LIMBURG",
  });
  a.events.push({ type: "INVITATION", date: "2023-05-01", nationality: "NLD", nationalityGroup: "DERDELANDER" });
  const b = lines[1]!;
  b.events.push({
    type: "INFRINGEMENT",
    date: "2023-02-01",
    infringementType: "NIET_TIJDIG_AANGEMELD_NA_OPSCHORTING",
    decision: { date: "2023-03-01", outcome: "BOETE" },
  });
  b.events.push({ type: "INFRINGEMENT", date: "2023-02-01", infringementType: "NIET_TIJDIG_AANGEMELD_NA_OPSCHORTING" });
  b.events.push({ type: "DVZ_ADVICE", date: "2023-06-01", followUp: "VERBLIJF_VERLENGD" });
  return `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`;
}

const figures = (url: string) =>
  query(
    url,
    `
  SELECT e.type, extract(year FROM e.date) AS year, e.office_code, e.agency_code, e.nationality_code, e.nationality_group,
    e.residence_status_code, e.target_group, e.gender, e.infringement_type, e.contract_signed, e.attestation_obtained, e.dvz_follow_up,
    d.outcome, d.amount_eur, count(*)::int AS n
  FROM track_event e
  LEFT JOIN LATERAL (SELECT outcome, amount_eur FROM infringement_decision WHERE event_id = e.id AND status = 'FINAL'
                     ORDER BY decided_on DESC, created_at DESC LIMIT 1) d ON true
  GROUP BY 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15 ORDER BY 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15`,
  );

describe("dossier export", () => {
  let first: { url: string; drop: () => Promise<void> };
  let second: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    first = await createEmptyDatabase();
    second = await createEmptyDatabase();
  });
  afterAll(async () => {
    await first.drop();
    await second.drop();
  });

  it("round trip: export, import into an empty database, export again gives identical files and figures", async () => {
    expect(await importExchangeFile({ databaseUrl: first.url, filePath: writeTempFile(roundTripSource()) })).toMatchObject({ ok: true, newcomers: 1500 });
    // a corrected decision: the export carries the effective (latest FINAL) one, not the first
    const b = syntheticNewcomer(50_001);
    await query(
      first.url,
      `
      INSERT INTO infringement_decision (event_id, outcome, decided_on, amount_eur, status, payment_status, updated_at)
      SELECT e.id, 'BOETE', '2023-04-15', 250, 'FINAL', 'OPEN', now() FROM track_event e JOIN newcomer n ON n.id = e.newcomer_id
      WHERE n.national_number = $1 AND e.type = 'INFRINGEMENT' AND e.date = '2023-02-01'
        AND EXISTS (SELECT 1 FROM infringement_decision d WHERE d.event_id = e.id)`,
      [b.nationalNumber],
    );

    const dir = path.dirname(writeTempFile(""));
    const firstExport = path.join(dir, "first.jsonl");
    const cli = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/export.ts", firstExport], {
      env: { ...process.env, DATABASE_URL: first.url },
      encoding: "utf8",
    });
    expect(cli.stderr).toBe("");
    expect(cli.status).toBe(0);
    const text = fs.readFileSync(firstExport, "utf8");
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(1500);
    const numbers = lines.map((l) => (JSON.parse(l) as ExchangeNewcomer).nationalNumber);
    expect(numbers).toEqual([...numbers].sort());
    const exportedB = lines.map((l) => JSON.parse(l) as ExchangeNewcomer).find((n) => n.nationalNumber === b.nationalNumber)!;
    expect(exportedB.events.filter((e) => e.type === "INFRINGEMENT" && e.date === "2023-02-01").map((e) => e.decision ?? null)).toEqual([
      { date: "2023-04-15", outcome: "BOETE", amountEur: 250 },
      null,
    ]);

    expect(await importExchangeFile({ databaseUrl: second.url, filePath: firstExport })).toMatchObject({ ok: true, newcomers: 1500 });
    const secondExport = path.join(dir, "second.jsonl");
    await exportExchangeFile({ databaseUrl: second.url, filePath: secondExport });
    expect(fs.readFileSync(secondExport, "utf8")).toBe(text);
    expect(await figures(second.url)).toEqual(await figures(first.url));

    const audit = await query(first.url, `SELECT action, entity_id, after FROM audit_log WHERE action = 'exchange.export'`);
    expect(audit).toEqual([{ action: "exchange.export", entity_id: "first.jsonl", after: { newcomers: 1500, anonymisedLeftOut: 0 } }]);
  });
});
