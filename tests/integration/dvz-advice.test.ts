// DVZ advice: contract and attestation come from the records, the follow-up is recorded with a
// version check, and the export holds exactly the five legal fields, escaped, and is audited.
import { describe, expect, it } from "vitest";
import { formatNationalNumber } from "@/lib/domain/national-number";
import { toSearchName } from "@/lib/domain/search-name";
import { db } from "@/lib/server/db";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/server/errors";
import { generateDvzAdvice, recordDvzFollowUp } from "@/lib/server/dvz/advice";
import { exportDvzFile } from "@/lib/server/dvz/export";
import { findNewcomersForAdvice } from "@/lib/server/dvz/find-newcomers";
import { createTestAgency, createTestNewcomer, createTestUser } from "../support/factories";
import { createTestEvent } from "../support/fines-factories";

const NOW = new Date("2026-06-15T10:00:00Z");

/** A minimal RFC 4180 parser for the check (quoted cells, doubled quotes). */
function parseCsv(text: string): string[][] {
  return text
    .trimEnd()
    .split("\r\n")
    .map((line) => {
      const cells: string[] = [];
      let cur = "",
        quoted = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i]!;
        if (quoted) {
          if (c === '"' && line[i + 1] === '"') {
            cur += '"';
            i++;
          } else if (c === '"') quoted = false;
          else cur += c;
        } else if (c === '"') quoted = true;
        else if (c === ",") {
          cells.push(cur);
          cur = "";
        } else cur += c;
      }
      cells.push(cur);
      return cells;
    });
}

describe("DVZ advice", () => {
  it("takes contract and attestation from the non-cancelled records and records the classification", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const n = await createTestNewcomer(agency, { office: agency.secondOfficeCode });
    await createTestEvent(n.id, "CONTRACT", "2025-01-10");
    await createTestEvent(n.id, "ATTESTATION", "2025-12-01", { cancelled: true });
    const advice = await generateDvzAdvice(admin, { newcomerId: n.id, date: "2026-06-01", contractSigned: false, attestationObtained: true }, NOW);
    expect(advice).toMatchObject({
      type: "DVZ_ADVICE",
      contractSigned: true,
      attestationObtained: false,
      dvzFollowUp: "ONBEKEND",
      officeCode: agency.secondOfficeCode,
      agencyCode: agency.agencyCode,
      nationalityCode: "MAR",
      targetGroup: "PLICHT",
    });
    expect(await db.auditLog.count({ where: { action: "dvz.advice.create", entityId: advice.id } })).toBe(1);
    // an advice dated before the contract does not count it
    const early = await generateDvzAdvice(admin, { newcomerId: n.id, date: "2024-12-31" }, NOW);
    expect(early.contractSigned).toBe(false);
  });

  it("records DVZ's follow-up once per version, and refuses non-admins", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const n = await createTestNewcomer(agency);
    const advice = await generateDvzAdvice(admin, { newcomerId: n.id, date: "2026-06-01" }, NOW);
    await expect(recordDvzFollowUp(admin, advice.id, { followUp: "VERBLIJF_VERLENGD", on: "", version: 1 }, NOW)).rejects.toBeInstanceOf(ValidationError);
    const after = await recordDvzFollowUp(admin, advice.id, { followUp: "VERBLIJF_VERLENGD", on: "2026-06-10", version: 1 }, NOW);
    expect(after).toMatchObject({ dvzFollowUp: "VERBLIJF_VERLENGD", version: 2 });
    await expect(recordDvzFollowUp(admin, advice.id, { followUp: "VERBLIJF_NIET_VERLENGD", on: "2026-06-10", version: 1 }, NOW)).rejects.toBeInstanceOf(
      ConflictError,
    );
    for (const role of ["STAFF", "MANAGER"] as const) {
      const user = await createTestUser(role, agency);
      await expect(generateDvzAdvice(user, { newcomerId: n.id }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(exportDvzFile(user, { from: "2026-01-01", to: "2026-12-31" })).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("finds a newcomer by name or national number", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const lastName = `Öztürk${agency.agencyCode.slice(2)}`;
    const n = await createTestNewcomer(agency, { lastName });
    // the shared factory lower-cases only; the data layer stores the normalised form
    await db.newcomer.update({ where: { id: n.id }, data: { searchName: toSearchName(lastName, n.firstName) } });
    expect((await findNewcomersForAdvice(admin, { q: `ozturk${agency.agencyCode.slice(2)}` })).items.map((r) => r.id)).toEqual([n.id]);
    const nn = formatNationalNumber(n.nationalNumber);
    expect((await findNewcomersForAdvice(admin, { q: nn })).items.map((r) => r.id)).toContain(n.id);
  });

  it("exports exactly the five legal columns, escapes formula-like names, and audits the newcomers once", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const names = ['=HYPERLINK("http://evil","klik")', "+Plus", "-Min", "@At"];
    const people: Awaited<ReturnType<typeof createTestNewcomer>>[] = [];
    for (const lastName of names) people.push(await createTestNewcomer(agency, { lastName, firstName: "Test" }));
    await createTestEvent(people[0]!.id, "CONTRACT", "2024-02-01");
    // one advice out of the period, two for the first newcomer: the latest in the period counts
    for (const p of people) await generateDvzAdvice(admin, { newcomerId: p.id, date: "2024-03-01" }, NOW);
    await createTestEvent(people[0]!.id, "ATTESTATION", "2024-04-01");
    await generateDvzAdvice(admin, { newcomerId: people[0]!.id, date: "2024-04-02" }, NOW);
    await generateDvzAdvice(admin, { newcomerId: people[1]!.id, date: "2023-12-31" }, NOW);
    // the period also holds other tests' advices: keep only this agency's newcomers
    const result = await exportDvzFile(admin, { from: "2024-01-01", to: "2024-12-31" });
    const rows = parseCsv(result.csv);
    expect(rows[0]).toEqual(["achternaam", "voornaam", "rijksregisternummer", "contract_ondertekend", "attest_behaald"]);
    for (const r of rows) expect(r).toHaveLength(5);
    const mine = rows.slice(1).filter((r) => people.some((p) => p.nationalNumber === r[2]));
    expect(mine).toHaveLength(4);
    const byNn = new Map(mine.map((r) => [r[2], r]));
    expect(byNn.get(people[0]!.nationalNumber)).toEqual([`'=HYPERLINK("http://evil","klik")`, "Test", people[0]!.nationalNumber, "ja", "ja"]);
    expect(byNn.get(people[1]!.nationalNumber)![0]).toBe("'+Plus");
    expect(byNn.get(people[2]!.nationalNumber)![0]).toBe("'-Min");
    expect(byNn.get(people[3]!.nationalNumber)).toEqual(["'@At", "Test", people[3]!.nationalNumber, "nee", "nee"]);
    for (const line of result.csv.split("\r\n")) expect(line).not.toMatch(/^[=+\-@]|,[=+\-@]/);

    const audits = await db.auditLog.findMany({ where: { action: "dvz.export", userId: admin.userId } });
    expect(audits).toHaveLength(1);
    const after = audits[0]!.after as { newcomerIds: string[]; from: string; to: string };
    expect(after).toMatchObject({ from: "2024-01-01", to: "2024-12-31" });
    for (const p of people) expect(after.newcomerIds).toContain(p.id);
    expect(after.newcomerIds).toHaveLength(result.count);
  });

  it("refuses a period that ends before it starts, without an audit entry", async () => {
    const admin = await createTestUser("ADMIN");
    await expect(exportDvzFile(admin, { from: "2024-12-31", to: "2024-01-01" })).rejects.toMatchObject({
      fieldErrors: { to: expect.stringContaining("vóór") },
    });
    expect(await db.auditLog.count({ where: { action: "dvz.export", userId: admin.userId } })).toBe(0);
  });
});
