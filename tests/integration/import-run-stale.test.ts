// An import runs in the app instance that received the upload (issue 17: several instances behind
// a balancer). When that instance stops mid-import, PostgreSQL rolls the import back, but the run
// row would say "bezig" forever, on every instance. The running import beats a heartbeat on its
// row; a run whose heartbeat stopped is reported as interrupted, by whichever instance is asked.
import { describe, expect, it } from "vitest";
import { getImportRun } from "@/lib/server/exchange/import-upload";
import { db } from "@/lib/server/db";
import { createTestUser } from "@/tests/support/factories";

describe("an import whose instance stopped", () => {
  it("is reported as interrupted once its heartbeat is older than two minutes, and stays so", async () => {
    const admin = await createTestUser("ADMIN");
    const run = await db.importRun.create({
      data: { fileName: "groot.jsonl", status: "IMPORTING", totalLines: 1000, doneLines: 400, startedById: admin.userId },
    });
    await db.$executeRaw`UPDATE import_run SET heartbeat_at = now() - interval '3 minutes' WHERE id = ${run.id}::uuid`;
    const view = await getImportRun(admin, run.id);
    expect(view.status).toBe("FAILED");
    expect(view.errors[0]?.reason).toMatch(/onderbroken/);
    expect((await db.importRun.findUniqueOrThrow({ where: { id: run.id } })).finishedAt).not.toBeNull();
  });

  it("leaves a run with a recent heartbeat alone", async () => {
    const admin = await createTestUser("ADMIN");
    const run = await db.importRun.create({ data: { fileName: "bezig.jsonl", status: "VALIDATING", startedById: admin.userId } });
    expect((await getImportRun(admin, run.id)).status).toBe("VALIDATING");
  });
});
