// The upload path of /beheer/import: only admins, an ImportRun with progress and the outcome,
// the error list kept on the run, the import audited with the admin's name.
import { describe, expect, it } from "vitest";
import { getImportRun, startDossierImport } from "@/lib/server/exchange/import-upload";
import { db } from "@/lib/server/db";
import { ForbiddenError, ValidationError } from "@/lib/server/errors";
import { syntheticExchangeText, syntheticNewcomer } from "@/bench/support/synthetic-newcomers";
import { createTestAgency, createTestUser } from "@/tests/support/factories";

const bytes = (s: string) => new TextEncoder().encode(s);

async function finished(actor: Awaited<ReturnType<typeof createTestUser>>, runId: string) {
  for (let i = 0; i < 600; i++) {
    const run = await getImportRun(actor, runId);
    if (run.status === "SUCCEEDED" || run.status === "FAILED") return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("import did not finish");
}

describe("dossier import from the upload page", () => {
  it("imports, records progress and the outcome on the run, and audits the admin", async () => {
    const admin = await createTestUser("ADMIN");
    // into a test agency of its own, so the shared test database's real agencies stay untouched
    const agency = await createTestAgency();
    const offices = [agency.officeCode, agency.secondOfficeCode];
    const { runId } = await startDossierImport(admin, { fileName: "dossiers.jsonl", content: bytes(syntheticExchangeText(800, { offset: 70_000, offices })) });
    const run = await finished(admin, runId);
    expect(run).toMatchObject({ status: "SUCCEEDED", doneLines: 800, totalLines: 800, newcomers: 800, errorCount: 0 });
    const audit = await db.auditLog.findFirst({ where: { action: "exchange.import", userId: admin.userId } });
    expect(audit).toMatchObject({ userEmail: admin.email, entityId: "dossiers.jsonl" });
    expect(await db.newcomer.count({ where: { nationalNumber: syntheticNewcomer(70_000).nationalNumber } })).toBe(1);
  });

  it("keeps the errors (line, field, reason) on a refused run and imports nothing", async () => {
    const admin = await createTestUser("ADMIN");
    const agency = await createTestAgency();
    const good = syntheticExchangeText(5, { offset: 71_000, offices: [agency.officeCode] });
    const { runId } = await startDossierImport(admin, { fileName: "fout.jsonl", content: bytes(`${good}{"nationalNumber":"1"}\n`) });
    const run = await finished(admin, runId);
    expect(run.status).toBe("FAILED");
    expect(run.errors).toContainEqual({ line: 6, field: "nationalNumber", reason: expect.stringContaining("11 cijfers") as unknown as string });
    expect(await db.newcomer.count({ where: { nationalNumber: syntheticNewcomer(71_000).nationalNumber } })).toBe(0);
  });

  it("refuses staff and managers, and files that are not JSON Lines", async () => {
    const agency = await createTestAgency();
    for (const role of ["STAFF", "MANAGER"] as const) {
      const user = await createTestUser(role, agency);
      await expect(startDossierImport(user, { fileName: "x.jsonl", content: bytes("{}") })).rejects.toBeInstanceOf(ForbiddenError);
    }
    const admin = await createTestUser("ADMIN");
    await expect(startDossierImport(admin, { fileName: "x.exe", content: bytes("{}") })).rejects.toBeInstanceOf(ValidationError);
    await expect(startDossierImport(admin, { fileName: "x.jsonl", content: bytes("") })).rejects.toBeInstanceOf(ValidationError);
  });
});
