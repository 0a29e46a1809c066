// Step order (issue 14): an invitation before the extraction and a registration without one are
// warnings. The event form (recordTrackEvent, behind recordEventAction) saves nothing until the
// user confirms exactly that warning, and the confirmation is in the audit row; the import reports
// them per line and imports the lines; an attestation without a contract stays an error in both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticNewcomer } from "@/bench/support/synthetic-newcomers";
import { db } from "@/lib/server/db";
import { ConfirmationRequiredError, ValidationError } from "@/lib/server/errors";
import { createNewcomer } from "@/lib/server/dossiers/save-newcomer";
import { recordTrackEvent } from "@/lib/server/dossiers/record-event";
import { importExchangeFile } from "@/lib/server/exchange/import-exchange";
import { counts, createEmptyDatabase, writeTempFile } from "@/tests/support/exchange-factories";
import { auditCount, newcomerInput } from "../support/dossier-factories";
import { createTestAgency, createTestUser } from "../support/factories";

async function setup() {
  const agency = await createTestAgency();
  const staff = await createTestUser("STAFF", agency);
  const n = await createNewcomer(staff, newcomerInput(agency));
  return { staff, n };
}

describe("step order warnings in the event form", () => {
  it("saves an invitation before the extraction only once the user confirmed that warning, and audits the confirmation", async () => {
    const { staff, n } = await setup();
    await recordTrackEvent(staff, n.id, { type: "EXTRACTION", date: "2021-02-01" });
    const refused = await recordTrackEvent(staff, n.id, { type: "INVITATION", date: "2021-01-05" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConfirmationRequiredError);
    const e = refused as ConfirmationRequiredError;
    expect(e.codes).toEqual(["INVITATION_BEFORE_EXTRACTION"]);
    expect(e.fieldErrors.date).toBe("De uitnodiging ligt vóór de extractie uit het rijksregister (01/02/2021).");
    expect(e.fieldErrorsIn("en").date).toBe("The invitation lies before the extraction from the national register (01/02/2021).");
    // confirming another warning than the one asked is no confirmation
    await expect(
      recordTrackEvent(staff, n.id, { type: "INVITATION", date: "2021-01-05", confirmWarnings: "REGISTRATION_NO_EXTRACTION" }),
    ).rejects.toBeInstanceOf(ConfirmationRequiredError);
    expect(await db.trackEvent.count({ where: { newcomerId: n.id, type: "INVITATION" } })).toBe(0);
    expect(await auditCount({ newcomerId: n.id, action: "event.create" })).toBe(1);

    const saved = await recordTrackEvent(staff, n.id, { type: "INVITATION", date: "2021-01-05", confirmWarnings: "INVITATION_BEFORE_EXTRACTION" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: saved.id, action: "event.create" } });
    expect(audit.after).toMatchObject({ type: "INVITATION", date: "2021-01-05", confirmedWarnings: ["INVITATION_BEFORE_EXTRACTION"] });
    expect(audit.reason).toBe("Bevestigd ondanks waarschuwing: De uitnodiging ligt vóór de extractie uit het rijksregister (01/02/2021).");
  });

  it("warns for a registration without an extraction, and not for steps in order", async () => {
    const { staff, n } = await setup();
    await expect(recordTrackEvent(staff, n.id, { type: "REGISTRATION", date: "2021-03-01" })).rejects.toMatchObject({
      codes: ["REGISTRATION_NO_EXTRACTION"],
    });
    await recordTrackEvent(staff, n.id, { type: "EXTRACTION", date: "2021-01-01" });
    const inOrder = await recordTrackEvent(staff, n.id, { type: "REGISTRATION", date: "2021-03-01" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: inOrder.id, action: "event.create" } });
    expect(audit.reason).toBeNull();
    expect(audit.after).not.toHaveProperty("confirmedWarnings");
  });

  it("reports errors first: a confirmation does not override an error, an attestation without contract stays refused", async () => {
    const { staff, n } = await setup();
    const e = await recordTrackEvent(staff, n.id, { type: "ATTESTATION", date: "2021-03-01", confirmWarnings: "INVITATION_NO_EXTRACTION" }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).not.toBeInstanceOf(ConfirmationRequiredError);
    expect((e as ValidationError).fieldErrors.date).toMatch(/contract/);
    expect(await db.trackEvent.count({ where: { newcomerId: n.id } })).toBe(0);
  });
});

describe("step order warnings in the import", () => {
  let target: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    target = await createEmptyDatabase();
  });
  afterAll(async () => {
    await target.drop();
  });

  it("reports each warning with its line and field, and imports the lines", async () => {
    const inOrder = syntheticNewcomer(0);
    const early = syntheticNewcomer(1);
    // the extraction a year after the invitation: a warning for the invitation (and the registration)
    early.events[0] = { type: "EXTRACTION", date: early.events[1]!.date.replace(/^(\d{4})/, (y) => String(Number(y) + 1)) };
    const noExtraction = syntheticNewcomer(2);
    noExtraction.events = noExtraction.events.filter((e) => e.type !== "EXTRACTION");
    const file = writeTempFile([inOrder, early, noExtraction].map((x) => JSON.stringify(x)).join("\n"));
    const result = await importExchangeFile({ databaseUrl: target.url, filePath: file });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([
      { line: 2, field: "events[1].date", reason: expect.stringMatching(/^Waarschuwing: een uitnodiging \(.+\) zonder extractie/) },
      // a year later, the extraction comes after the registration too
      { line: 2, field: "events[2].date", reason: expect.stringMatching(/^Waarschuwing: een aanmelding/) },
      { line: 3, field: "events[0].date", reason: expect.stringMatching(/uitnodiging/) },
      { line: 3, field: "events[1].date", reason: expect.stringMatching(/^Waarschuwing: een aanmelding/) },
    ]);
    const events = [inOrder, early, noExtraction].reduce((s, x) => s + x.events.length, 0);
    expect(result).toMatchObject({ newcomers: 3, events });
    expect(await counts(target.url)).toMatchObject({ newcomers: 3, events });
  });

  it("still rejects the whole file for an error of order", async () => {
    const bad = syntheticNewcomer(3);
    bad.events = bad.events.filter((e) => e.type !== "REGISTRATION");
    const file = writeTempFile(JSON.stringify(bad));
    const result = await importExchangeFile({ databaseUrl: target.url, filePath: file });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ line: 1, field: "events[2].date", reason: expect.stringMatching(/vóór een aanmelding/) });
  });
});
