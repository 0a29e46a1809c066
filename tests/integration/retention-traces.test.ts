// Issue 15, what a reviewer found left of a person after anonymisation, and the admin page's list:
// - contact details, a merged alias and the letters: after anonymising, none of their values in the
//   dump (every table, sequence, definition, comment and the planner statistics), the search by the
//   alias number or the old name finds nothing, the letters' texts hold nothing of the person;
// - ANALYZE copies values into pg_stats: the anonymisation takes the statistics again;
// - the exports: the exchange export and the DVZ file leave anonymised dossiers out and count them,
//   a worklist CSV keeps them as "geanonimiseerd" rows without a number;
// - the admin page's due list: keyset pages with each row's holds, a capped count, the true counts,
//   the same set as the run's work list.
import { describe, expect, inject, it } from "vitest";
import { makeNationalNumber } from "@/lib/domain/national-number";
import { ANONYMISED_LIST_NAME } from "@/lib/domain/retention/personal-data";
import { db } from "@/lib/server/db";
import { listNewcomers } from "@/lib/server/dossiers/list-newcomers";
import { mergeNewcomers } from "@/lib/server/dossiers/merge-newcomers";
import { recordTrackEvent } from "@/lib/server/dossiers/record-event";
import { createNewcomer } from "@/lib/server/dossiers/save-newcomer";
import { generateDvzAdvice } from "@/lib/server/dvz/advice";
import { exportDvzFile } from "@/lib/server/dvz/export";
import { exportExchange } from "@/lib/server/exchange/export-exchange";
import { getInvitationLetters, recordInvitationLetters } from "@/lib/server/letters/letters";
import { countDue, countDueUpTo, dueIds, listDuePage } from "@/lib/server/retention/due";
import { setLegalHold } from "@/lib/server/retention/holds";
import { anonymiseDossiers } from "@/lib/server/retention/overview";
import { exportNewcomerList, exportWorklist } from "@/lib/server/lists/list-exports";
import { dumpDatabase } from "../support/dump-database";
import { newcomerInput } from "../support/dossier-factories";
import { createTestAgency, createTestUser } from "../support/factories";
import { addEvent } from "../support/report-factories";

const NOW = new Date("2026-06-15T10:00:00Z");
const rnd = () => Math.random().toString(36).slice(2, 10);

function notInDump(dump: string, values: string[]) {
  for (const s of values) {
    const at = dump.indexOf(s);
    expect(at < 0, `${s} still in: ${dump.slice(Math.max(0, dump.lastIndexOf("\n-- ", at)), at + 80)}`.slice(0, 2000)).toBe(true);
  }
}

describe("contact details, a merged alias and letters leave nothing behind", () => {
  it("removes the address, phone, e-mail, alias number and names from the dump, the search and the letters", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const admin = await createTestUser("ADMIN");
    const tag = rnd();
    const contact = {
      street: `Zwyrtelstraat${tag}`,
      houseNumber: "17",
      boxNumber: "b3",
      postalCode: "9000",
      city: "Gent",
      countryCode: "BE",
      phoneNumber: `+32 470 ${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
      emailAddress: `qoorn.${tag}@example.org`,
    };
    const birthDate = "1984-03-21";
    const a = await createNewcomer(staff, newcomerInput(agency, { lastName: `Vlimpel${tag}`, firstName: `Quaxa${tag}`, birthDate, ...contact }));
    // the duplicate with a BIS number (month + 40): merged into a, its number stays as a's alias
    const bis = makeNationalNumber(birthDate, 101, { bis: true });
    // through the data layer, so its own audit rows (under its id, kept after the merge) hold the person too
    const b = await createNewcomer(staff, newcomerInput(agency, { lastName: a.lastName, firstName: a.firstName, birthDate, nationalNumber: bis }));
    await mergeNewcomers(admin, { survivorId: a.id, mergedId: b.id, survivorVersion: a.version, mergedVersion: b.version });
    const survivor = await db.newcomer.findUniqueOrThrow({ where: { id: a.id }, include: { aliases: true } });
    expect(survivor.aliases.map((x) => x.nationalNumber)).toContain(bis);
    await recordTrackEvent(staff, a.id, { type: "INVITATION", date: "2019-01-05", confirmWarnings: "INVITATION_NO_EXTRACTION" });
    await recordInvitationLetters(staff, [a.id]);
    // the planner statistics now hold the values (ANALYZE copies them): they must go too
    await db.$executeRaw`ANALYZE newcomer, newcomer_alias, audit_log`;

    await anonymiseDossiers(admin, { newcomerIds: [a.id], confirm: "ANONIMISEER" });

    const values = [a.lastName, a.firstName, a.nationalNumber, bis, contact.street, contact.emailAddress, survivor.phoneNumber!, contact.phoneNumber];
    notInDump(await dumpDatabase(inject("databaseUrl")), values);
    for (const q of [a.lastName, bis, a.nationalNumber, `${a.firstName} ${a.lastName}`])
      expect(
        (await listNewcomers(admin, { q })).rows.map((r) => r.id),
        q,
      ).not.toContain(a.id);
    // the letters are rendered from the dossier: nothing of the person is left to print
    const [letter] = await getInvitationLetters(admin, [a.id]);
    for (const v of [tag, contact.street, `${contact.postalCode} ${contact.city}`]) expect(JSON.stringify(letter)).not.toContain(v);
    expect(letter!.address).toEqual([]);
  });

  it("takes the statistics again: a value frequent enough for most_common_vals is gone from pg_stats", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const street = `Qzwerfstraat${rnd()}`;
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const n = await createNewcomer(admin, newcomerInput(agency, { lastName: `Zwafel${rnd()}`, street, houseNumber: "1", postalCode: "9000", city: "Gent" }));
      ids.push(n.id);
    }
    await db.$executeRaw`ANALYZE newcomer`;
    const inStats = async () =>
      (
        await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stats WHERE tablename = 'newcomer' AND most_common_vals::text LIKE ${`%${street}%`}`
      )[0]!.n;
    expect(Number(await inStats())).toBe(1);
    await anonymiseDossiers(admin, { newcomerIds: ids, confirm: "ANONIMISEER" });
    expect(Number(await inStats())).toBe(0);
  });
});

describe("exports and anonymised dossiers", () => {
  it("leaves them out of the exchange export and the DVZ file (counted), and writes them as 'geanonimiseerd' in a worklist CSV", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const admin = await createTestUser("ADMIN");
    const gone = await createNewcomer(staff, newcomerInput(agency, { lastName: `Weg${rnd()}` }));
    const kept = await createNewcomer(staff, newcomerInput(agency, { lastName: `Blijft${rnd()}` }));
    for (const n of [gone, kept]) {
      await recordTrackEvent(staff, n.id, { type: "INVITATION", date: "2025-01-10", confirmWarnings: "INVITATION_NO_EXTRACTION" });
      await generateDvzAdvice(admin, { newcomerId: n.id, date: "2025-02-01" }, NOW);
      await db.trackEvent.updateMany({
        where: { newcomerId: n.id, type: "DVZ_ADVICE" },
        data: { dvzFollowUp: "VERBLIJF_VERLENGD", dvzFollowUpOn: new Date("2025-03-01") },
      });
    }
    await anonymiseDossiers(admin, { newcomerIds: [gone.id], confirm: "ANONIMISEER" });
    const anon = await db.newcomer.findUniqueOrThrow({ where: { id: gone.id } });

    let text = "";
    const r = await exportExchange({ databaseUrl: inject("databaseUrl"), write: async (c) => void (text += c), target: "test.jsonl" });
    expect(r.anonymisedLeftOut).toBeGreaterThanOrEqual(1);
    expect(text).toContain(kept.nationalNumber);
    for (const s of [anon.nationalNumber, anon.pseudonym!, gone.nationalNumber]) expect(text).not.toContain(s);

    const dvz = await exportDvzFile(admin, { from: "2025-02-01", to: "2025-02-01" });
    expect(dvz.newcomerIds).toContain(kept.id);
    expect(dvz.newcomerIds).not.toContain(gone.id);
    expect(dvz.anonymisedLeftOut).toBeGreaterThanOrEqual(1);
    expect(dvz.csv).not.toContain(anon.pseudonym!);

    // the list exports keep the row (the list counts it) but nothing of who it was
    const worklist = await exportWorklist(staff, "niet-aangemeld", { sort: "sinds" }, NOW);
    const csv = String(worklist.body);
    expect(worklist.count).toBe(2);
    const line = csv.split(/\r?\n/).find((l) => l.startsWith(`${ANONYMISED_LIST_NAME},`));
    expect(line).toMatch(/^geanonimiseerd,,,[^,]+,2025-01-10,/);
    for (const s of [anon.pseudonym!, anon.nationalNumber.slice(1, 6), gone.lastName]) expect(csv).not.toContain(s);
    const list = String((await exportNewcomerList(staff, { office: gone.officeCode })).body);
    expect(list.split(/\r?\n/).some((l) => l.startsWith(`${ANONYMISED_LIST_NAME},,,`))).toBe(true);
    for (const s of [anon.pseudonym!, anon.nationalNumber.slice(1, 6), gone.lastName, anon.lastName]) expect(list).not.toContain(s);
  });
});

describe("the admin page's due list", () => {
  it("pages by keyset with each row's holds, counts up to a cap, gives the true counts, and agrees with the run's work list", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const made: string[] = [];
    for (let i = 0; i < 7; i++) {
      const n = await createNewcomer(admin, newcomerInput(agency, { lastName: `Oud${rnd()}` }));
      await addEvent(n, { type: "EXTRACTION", date: "2015-01-10" });
      made.push(n.id);
    }
    await setLegalHold(admin, { newcomerId: made[2]!, reason: "Beroep hangende" });
    const before = new Date("2021-01-01T00:00:00Z");
    const seen: { id: string; holds: string[] }[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await listDuePage(db, before, { limit: 3, after }, agency.agencyCode);
      seen.push(...page);
      if (page.length < 3) break;
      after = page[2]!.id;
    }
    expect(seen.map((r) => r.id)).toEqual([...made].sort());
    expect(seen.find((r) => r.id === made[2])!.holds).toEqual(["ADMIN_HOLD"]);
    expect(await countDueUpTo(db, before, 5, agency.agencyCode)).toEqual({ count: 5, more: true });
    expect(await countDueUpTo(db, before, 7, agency.agencyCode)).toEqual({ count: 7, more: false });
    expect(await countDue(db, before, agency.agencyCode)).toEqual({ total: 7, held: 1 });
    expect((await dueIds(db, before, agency.agencyCode)).sort()).toEqual(made.filter((id) => id !== made[2]).sort());
  });

  it("reads the last activity from the index, not from every event row", async () => {
    // the test database is small (a sequential scan wins there): asked to use an index, the planner can answer from this one alone
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      await tx.$executeRaw`SET LOCAL enable_bitmapscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN SELECT max(GREATEST(e.date, e.dvz_follow_up_on)) FROM track_event e WHERE e.newcomer_id = '00000000-0000-4000-8000-000000000000'`;
    });
    expect(plan.map((p) => p["QUERY PLAN"]).join("\n")).toMatch(/Index Only Scan using track_event_newcomer_id_date_dvz_follow_up_on_idx/);
  });
});
