// Issue 13, done-when: publish → record corrections through the data layer (a changed contract
// date, a cancelled record, a late decision, a new newcomer) → the publication shows and
// re-verifies the same figures; the diff lists exactly the changed cells with the records behind
// each change by reason (change-reasons.ts, computed by the database); a report as recorded on the
// publication's instant equals the publication; VOORLOPIG against DEFINITIEF counts only what
// was recorded between the two.
import { describe, expect, it } from "vitest";
import { publishedTable } from "@/lib/domain/reports/publication/figures";
import { reportRulesFingerprint } from "@/lib/domain/reports/publication/now-from-changes";
import { runReport } from "@/lib/domain/reports/run-report";
import { db, sqlPool } from "@/lib/server/db";
import { cancelTrackEvent, correctTrackEvent, recordTrackEvent } from "@/lib/server/dossiers/record-event";
import { createNewcomer } from "@/lib/server/dossiers/save-newcomer";
import { decideInfringement } from "@/lib/server/fines/decide";
import { diffPublication, getPublication, showPublication } from "@/lib/server/reports/publications";
import { publishReport } from "@/lib/server/reports/publish";
import type { PublicationDiff } from "@/lib/server/reports/publications";
import { newcomerInput } from "../support/dossier-factories";
import { createTestAgency, createTestNewcomer, createTestUser, type TestAgency } from "../support/factories";
import { addDecision, addEvent } from "../support/report-factories";

const base = { questionNumber: 113, from: 2020, to: 2022, asOf: "2023-01-15", forPublication: false } as const;
const tables = "contracts:nationality;fines:nationality";

/** Registered newcomers with contracts, and infringement dossiers (two fined, one not decided yet). */
async function setUp(a: TestAgency) {
  const contract = async (nationality: string, date: string) => {
    const n = await createTestNewcomer(a);
    await addEvent(n, { type: "REGISTRATION", date: "2020-01-10", nationality });
    return addEvent(n, { type: "CONTRACT", date, nationality });
  };
  const events = { mar2021: [] as string[], syr2020: [] as string[], undecided: "" };
  for (let i = 0; i < 6; i++) events.mar2021.push((await contract("MAR", "2021-03-01")).id);
  for (let i = 0; i < 7; i++) await contract("MAR", "2022-03-01");
  for (let i = 0; i < 3; i++) events.syr2020.push((await contract("SYR", "2020-06-01")).id);
  for (let i = 0; i < 2; i++) {
    const e = await addEvent(await createTestNewcomer(a), { type: "INFRINGEMENT", date: "2022-05-01", nationality: "AFG" });
    await addDecision(e.id, { outcome: "BOETE", on: "2022-06-01", amountEur: 100 });
  }
  events.undecided = (await addEvent(await createTestNewcomer(a), { type: "INFRINGEMENT", date: "2022-07-01", nationality: "AFG" })).id;
  return events;
}

const version = async (id: string) => (await db.trackEvent.findUniqueOrThrow({ where: { id } })).version;

const cells = (d: PublicationDiff) =>
  d.tables.flatMap((t) => t.changes.map((c) => [t.index, c.keys.join(","), c.column, c.old, c.new, c.difference, c.reasons]));

const r = (x: Partial<Record<"addedLater" | "corrected" | "cancelled" | "decidedLater", number>>) => ({
  addedLater: 0,
  corrected: 0,
  cancelled: 0,
  decidedLater: 0,
  ...x,
});

describe("what changed since a publication, and why", () => {
  it("lists exactly the changed cells with their reasons; the publication still shows and re-verifies its figures", { timeout: 120_000 }, async () => {
    const a = await createTestAgency();
    const events = await setUp(a);
    const manager = await createTestUser("MANAGER", a);
    const admin = await createTestUser("ADMIN");
    const prov = await publishReport(manager, { ...base, title: "Voorlopige cijfers", tables, status: "VOORLOPIG" });
    const published = await showPublication(manager, prov.id);
    // stored with it: the reports behind the figures and the fingerprint the diff below checks (so it takes them)
    const kept = await db.publication.findUniqueOrThrow({ where: { id: prov.id }, select: { reports: true, reportsRules: true } });
    expect(kept.reportsRules).toBe(reportRulesFingerprint(published.tables, base.asOf, a.agencyCode));
    expect(kept.reports).toHaveLength(published.tables.length);
    expect(published).not.toHaveProperty("reports");

    // the corrections, through the data layer as the dossier and fines pages record them
    const moved = events.mar2021[0]!;
    await correctTrackEvent(admin, moved, { date: "2022-02-01", reason: "Verkeerde datum ingevoerd", version: await version(moved) });
    const cancelled = events.syr2020[0]!;
    await cancelTrackEvent(admin, cancelled, { reason: "Dubbel ingevoerd", version: await version(cancelled) });
    await decideInfringement(admin, events.undecided, {
      outcome: "BOETE",
      decidedOn: "2022-12-01",
      amountEur: 100,
      motivation: "Niet tijdig aangemeld",
      version: await version(events.undecided),
    });
    const n = await createNewcomer(admin, newcomerInput(a, { nationalityCode: "TUR" }));
    await recordTrackEvent(admin, n.id, { type: "REGISTRATION", date: "2022-01-05", confirmWarnings: "REGISTRATION_NO_EXTRACTION" });
    await recordTrackEvent(admin, n.id, { type: "CONTRACT", date: "2022-10-01" });

    // the publication shows what it published, and recomputed as recorded on its instant it is the same
    const { publication, check } = await getPublication(manager, prov.id);
    expect(publication.figures).toEqual(published.figures);
    expect(check.unchanged).toBe(true);
    // a report as recorded on the publication's instant equals the publication, table by table
    for (const [i, spec] of publication.tables.entries()) {
      const report = await runReport(sqlPool(), { ...spec, asOf: base.asOf, agency: a.agencyCode, recordedOn: publication.takenAt.toISOString() });
      expect(publishedTable(spec, report, null)).toEqual(published.figures[i]);
    }

    const diff = await diffPublication(manager, prov.id, "now");
    expect(cells(diff)).toEqual([
      // contracts by nationality
      [0, "MAR", 2021, 6, 5, -1, r({ corrected: 1 })],
      [0, "MAR", 2022, 7, 8, 1, r({ corrected: 1 })],
      [0, "SYR", 2020, 3, 2, -1, r({ cancelled: 1 })],
      [0, "SYR", "total", 3, 2, -1, r({ cancelled: 1 })],
      [0, "TUR", 2022, 0, 1, 1, r({ addedLater: 1 })],
      [0, "TUR", "total", 0, 1, 1, r({ addedLater: 1 })],
      [0, "", 2020, 3, 2, -1, r({ cancelled: 1 })],
      [0, "", 2021, 6, 5, -1, r({ corrected: 1 })],
      [0, "", 2022, 7, 9, 2, r({ corrected: 1, addedLater: 1 })],
      // the grand total: one cancelled, one added — unchanged, so not listed
      // fines by nationality
      [1, "AFG", 2022, 2, 3, 1, r({ decidedLater: 1 })],
      [1, "AFG", "total", 2, 3, 1, r({ decidedLater: 1 })],
      [1, "", 2022, 2, 3, 1, r({ decidedLater: 1 })],
      [1, "", "total", 2, 3, 1, r({ decidedLater: 1 })],
    ]);

    // the same diff by recomputing every report: a copy of the publication without its stored
    // reports (as published before they were stored, or after a report statement changed)
    const legacy = (
      await sqlPool().query<{ id: string }>(
        `INSERT INTO publication (title, question_number, question_date, question_member, question_text, introduction, tables, year_from,
                year_to, as_of, taken_at, status, agency_code, published_by_id, for_publication, figures, content_hash)
         SELECT title || ' (kopie)', question_number, question_date, question_member, question_text, introduction, tables, year_from,
                year_to, as_of, taken_at, status, agency_code, published_by_id, for_publication, figures, content_hash
           FROM publication WHERE id = $1 RETURNING id`,
        [prov.id],
      )
    ).rows[0]!.id;
    expect(cells(await diffPublication(manager, legacy, "now"))).toEqual(cells(diff));

    // the definitive version: against the provisional one, exactly the same changes and reasons
    const def = await publishReport(manager, { ...base, title: "Definitieve cijfers", tables, status: "DEFINITIEF", provisionalId: prov.id });
    const between = await diffPublication(manager, prov.id, def.id);
    expect(between).toMatchObject({ old: prov.id, new: def.id });
    expect(cells(between)).toEqual(cells(diff));
    // a record added after the definitive one: in the diff against now, not in the one between the two
    const late = await createNewcomer(admin, newcomerInput(a, { nationalityCode: "TUR" }));
    await recordTrackEvent(admin, late.id, { type: "REGISTRATION", date: "2022-01-05", confirmWarnings: "REGISTRATION_NO_EXTRACTION" });
    await recordTrackEvent(admin, late.id, { type: "CONTRACT", date: "2022-11-01" });
    expect(cells(await diffPublication(manager, prov.id, def.id))).toEqual(cells(diff));
    const now = cells(await diffPublication(manager, prov.id, "now"));
    expect(now).toContainEqual([0, "TUR", 2022, 0, 2, 2, r({ addedLater: 2 })]);
    expect(now).toContainEqual([0, "", "total", 16, 17, 1, r({ addedLater: 2, cancelled: 1 })]);
  });
});
