// A NUL (or another control character) typed into a form or put in a query parameter is refused
// with a Dutch field error and changes nothing; before, it reached PostgreSQL ("invalid byte
// sequence for encoding UTF8: 0x00") and the request failed with a 500.
import { describe, expect, it } from "vitest";
import { CONTROL_CHARACTER_MESSAGE } from "@/lib/domain/validation/text";
import { db } from "@/lib/server/db";
import { findNewcomersForAdvice } from "@/lib/server/dvz/find-newcomers";
import { ValidationError } from "@/lib/server/errors";
import { listNewcomers } from "@/lib/server/dossiers/list-newcomers";
import { createNewcomer } from "@/lib/server/dossiers/save-newcomer";
import { recordTrackEvent } from "@/lib/server/dossiers/record-event";
import { createUser } from "@/lib/server/users/manage-users";
import { createTestAgency, createTestUser } from "../support/factories";
import { newcomerInput } from "../support/dossier-factories";

async function fieldErrors(p: Promise<unknown>): Promise<Record<string, string>> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).fieldErrors;
}

describe("control characters in forms and query parameters", () => {
  it("are refused with a Dutch field error, every field at once, nothing written", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const admin = await createTestUser("ADMIN");
    const before = await db.newcomer.count({ where: { agencyCode: agency.agencyCode } });
    const errors = await fieldErrors(createNewcomer(staff, newcomerInput(agency, { lastName: "Pee\u0000ters", firstName: "An\u0007" })));
    expect(errors).toMatchObject({ lastName: CONTROL_CHARACTER_MESSAGE, firstName: CONTROL_CHARACTER_MESSAGE });
    expect(await db.newcomer.count({ where: { agencyCode: agency.agencyCode } })).toBe(before);

    const n = await createNewcomer(staff, newcomerInput(agency));
    // a note may hold line breaks, not a NUL
    await recordTrackEvent(staff, n.id, { type: "EXTRACTION", date: "2020-01-01", note: "regel 1\nregel 2" });
    expect(await fieldErrors(recordTrackEvent(staff, n.id, { type: "INVITATION", date: "2020-02-01", note: "x\u0000" }))).toMatchObject({
      note: CONTROL_CHARACTER_MESSAGE,
    });

    expect(await fieldErrors(listNewcomers(staff, { office: "x\u0000" }))).toMatchObject({ office: CONTROL_CHARACTER_MESSAGE });
    expect(await fieldErrors(listNewcomers(staff, { q: "x\u0000" }))).toMatchObject({ q: CONTROL_CHARACTER_MESSAGE });
    expect(await fieldErrors(findNewcomersForAdvice(admin, { q: "ab\u0000" }))).toMatchObject({ q: CONTROL_CHARACTER_MESSAGE });
    expect(await fieldErrors(createUser(admin, { name: "Nul\u0000", email: "nul@test.local", password: "x".repeat(12), role: "ADMIN" }))).toMatchObject({
      name: CONTROL_CHARACTER_MESSAGE,
    });
  });
});
