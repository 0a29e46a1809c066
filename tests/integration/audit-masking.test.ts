// No audit row holds a national number in clear: create, update, reveal, move (a reason that
// quotes the number), import and export (a file named after a number) all leave masked rows.
import { describe, expect, it } from "vitest";
import { syntheticExchangeText, syntheticNewcomer } from "@/bench/support/synthetic-newcomers";
import { makeNationalNumber, normalizeNationalNumber } from "@/lib/domain/national-number";
import { exportExchange } from "@/lib/server/exchange/export-exchange";
import { importExchangeFile } from "@/lib/server/exchange/import-exchange";
import { revealNationalNumber } from "@/lib/server/dossiers/get-dossier";
import { createNewcomer, moveNewcomer, updateNewcomer } from "@/lib/server/dossiers/save-newcomer";
import { db } from "@/lib/server/db";
import { newcomerInput } from "../support/dossier-factories";
import { createEmptyDatabase, query, writeTempFile } from "../support/exchange-factories";
import { createTestAgency, createTestUser } from "../support/factories";

/** Every audit row as text, punctuation stripped so the written form shows up as 11 digits too. */
async function auditText(url: string, where = "true", params: unknown[] = []): Promise<string[]> {
  const rows = await query<{ t: string }>(url, `SELECT row_to_json(a)::text AS t FROM audit_log a WHERE ${where}`, params);
  return rows.map((r) => r.t);
}

function expectNoNationalNumber(rows: string[], numbers: string[]) {
  for (const row of rows) {
    expect(row, "an 11-digit run").not.toMatch(/(?<!\d)\d{11}(?!\d)/);
    const stripped = row.replace(/[\s.\-/]/g, "");
    for (const nn of numbers) expect(stripped, `national number ${nn}`).not.toContain(nn);
  }
}

describe("national numbers in the audit trail", () => {
  it("are masked in the rows of create, update, reveal and move", async () => {
    const a = await createTestAgency();
    const staff = await createTestUser("STAFF", a);
    const admin = await createTestUser("ADMIN");
    const input = newcomerInput(a);
    const created = await createNewcomer(staff, input);
    const { officeCode: _o, ...edit } = input;
    const seq = Number(input.nationalNumber.slice(6, 9));
    const other = makeNationalNumber(input.birthDate, seq >= 995 ? seq - 2 : seq + 2); // same birth date and gender
    await updateNewcomer(staff, created.id, { ...edit, nationalNumber: other, lastName: "Gewijzigd", version: 1 });
    await revealNationalNumber(staff, created.id);
    await moveNewcomer(admin, created.id, { officeCode: a.secondOfficeCode, version: 2, reason: `verhuisd, rrn ${input.nationalNumber} (${other})` });

    const rows = await auditText(process.env.DATABASE_URL!, "newcomer_id = $1", [created.id]);
    const actions = (await db.auditLog.findMany({ where: { newcomerId: created.id }, select: { action: true } })).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["newcomer.create", "newcomer.update", "newcomer.reveal", "newcomer.move"]));
    expectNoNationalNumber(rows, [normalizeNationalNumber(input.nationalNumber), normalizeNationalNumber(other)]);
    // still useful: the birth-date part and the changed name are there
    expect(rows.join("\n")).toContain("Gewijzigd");
  });

  it("are masked in the rows of an import and an export of a file named after one", async () => {
    const target = await createEmptyDatabase();
    try {
      const n0 = syntheticNewcomer(0).nationalNumber;
      const fileName = `${n0}.jsonl`;
      const imported = await importExchangeFile({
        databaseUrl: target.url,
        filePath: writeTempFile(syntheticExchangeText(3)),
        fileName,
        auditUser: { userId: crypto.randomUUID(), email: "a@test.local", ip: null },
      });
      expect(imported.ok).toBe(true);
      await exportExchange({ databaseUrl: target.url, write: async () => {}, target: `export-${formatted(n0)}.jsonl` });
      const rows = await auditText(target.url);
      expect(rows).toHaveLength(2);
      expectNoNationalNumber(
        rows,
        [0, 1, 2].map((i) => syntheticNewcomer(i).nationalNumber),
      );
    } finally {
      await target.drop();
    }
  });
});

const formatted = (nn: string) => `${nn.slice(0, 2)}.${nn.slice(2, 4)}.${nn.slice(4, 6)}-${nn.slice(6, 9)}.${nn.slice(9)}`;
