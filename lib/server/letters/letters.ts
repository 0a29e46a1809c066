import "server-only";
import { firstOf } from "@/lib/domain/lists/first-of";
// Letters (issue 14): the invitation to the intake interview, for one newcomer or a batch, and
// the record of every letter printed (table `letter`: kind, newcomer, event/decision, who, when —
// no personal data copied). Showing a letter is audited like opening the dossier; printing it
// records one `letter` row and one `letter.print` audit entry per newcomer, all of a batch in one
// transaction (all or nothing: a dossier out of scope fails the whole batch).
import { randomUUID } from "node:crypto";
import { effectiveDecision } from "@/lib/domain/fines/decision-state";
import { isUuid } from "@/lib/domain/kit";
import { parseIdList } from "@/lib/domain/letters/id-list";
import { newcomerScope } from "@/lib/server/access/scope";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { BadRequestError, NotFoundError } from "@/lib/server/errors";
import type { Tx } from "@/lib/server/kit/tx";
import { deniedWrite, newcomerOfEvent } from "@/lib/server/access/denied";
import { lockNewcomerForWrite, lockNewcomersForWrite } from "@/lib/server/dossiers/scoped-newcomer";

/** The selection of a batch; a bad one is a 400 with a Dutch message, never a partial batch. */
export function batchIds(values: readonly string[]): string[] {
  const parsed = parseIdList(values);
  if (!parsed.ok) throw new BadRequestError(parsed.reason);
  return parsed.ids;
}

async function newcomersInScope(tx: Tx, actor: Actor, ids: string[]) {
  const rows = await tx.newcomer.findMany({
    where: { AND: [{ id: { in: ids } }, newcomerScope(actor)] },
    include: { office: { select: { label: true } }, agency: { select: { label: true } } },
  });
  // every one of them or none: an id out of scope looks like one that does not exist
  if (rows.length !== ids.length) throw new NotFoundError();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

/** The latest live invitation of each newcomer, which the letter is about (null: none recorded yet). */
async function latestInvitations(tx: Tx, ids: string[]) {
  const events = await tx.trackEvent.findMany({
    where: { newcomerId: { in: ids }, type: "INVITATION", cancelledAt: null },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    select: { id: true, newcomerId: true, date: true },
  });
  const out = new Map<string, { id: string; date: Date }>();
  for (const e of events) if (!out.has(e.newcomerId)) out.set(e.newcomerId, e);
  return out;
}

/** What the invitation letters show, in the order asked; opening them is audited per dossier. */
export async function getInvitationLetters(actor: Actor, ids: string[]) {
  assertCan(actor, "dossier.write");
  return db.$transaction(async (tx) => {
    const newcomers = await newcomersInScope(tx, actor, ids);
    for (const n of newcomers) {
      await recordAudit(tx, actor, { action: "newcomer.view", entityType: "invitation_letter", entityId: n.id, newcomerId: n.id, agencyCode: n.agencyCode });
    }
    return newcomers.map((n) => ({
      id: n.id,
      name: `${n.firstName} ${n.lastName}`,
      reference: n.id.slice(0, 8).toUpperCase(),
      address: addressLines(n),
      officeLabel: n.office.label,
      agencyLabel: n.agency.label,
      targetGroup: n.targetGroup,
      contactLanguage: n.contactLanguage,
    }));
  });
}

/** The address block's lines: street + number (+ box), postal code + municipality, the country abroad. */
export function addressLines(n: {
  street: string | null;
  houseNumber: string | null;
  boxNumber: string | null;
  postalCode: string | null;
  city: string | null;
  countryCode: string | null;
}): string[] {
  const first = [n.street, n.houseNumber].filter(Boolean).join(" ") + (n.boxNumber ? ` bus ${n.boxNumber}` : "");
  const second = [n.postalCode, n.city].filter(Boolean).join(" ");
  const country = n.countryCode && n.countryCode !== "BE" ? (new Intl.DisplayNames(["nl-BE"], { type: "region" }).of(n.countryCode) ?? n.countryCode) : "";
  return [first, second, country.toUpperCase()].filter(Boolean);
}

/** Records the printing of the invitations of a batch: one transaction, one letter and one audit entry each. */
export async function recordInvitationLetters(actor: Actor, ids: string[]) {
  assertCan(actor, "dossier.write");
  return db
    .$transaction(async (tx) => {
      // a letter is a write to the dossier: refused for an anonymised one (issue 15), the whole batch
      const { frozen } = await lockNewcomersForWrite(tx, actor, ids);
      const refused = frozen.values().next().value;
      if (refused) throw refused;
      const newcomers = await newcomersInScope(tx, actor, ids);
      const invitations = await latestInvitations(tx, ids);
      const batchId = ids.length > 1 ? randomUUID() : null;
      for (const n of newcomers) {
        const letter = await tx.letter.create({
          data: { kind: "INVITATION", newcomerId: n.id, eventId: invitations.get(n.id)?.id ?? null, printedById: actor.userId, batchId },
        });
        await recordAudit(tx, actor, {
          action: "letter.print",
          entityType: "letter",
          entityId: letter.id,
          newcomerId: n.id,
          agencyCode: n.agencyCode,
          after: { kind: letter.kind, eventId: letter.eventId, batchId },
        });
      }
      return { count: newcomers.length, batchId };
    })
    .catch(
      deniedWrite(actor, "letter.print.denied", {
        entityType: "newcomer",
        entityId: ids.length === 1 ? ids[0]! : "batch",
        newcomerId: ids.length === 1 ? ids[0] : null,
      }),
    );
}

/** Shown on the dossier page up to this many (the inzage lists them all: lib/server/inzage/letters-sent.ts). */
export const DOSSIER_LETTERS_LIMIT = 100;

/** The letters of one dossier for its page (newest first), with who printed them; `more`: there are older ones. */
export async function lettersOf(tx: Tx, newcomerId: string) {
  const rows = await tx.letter.findMany({
    where: { newcomerId },
    orderBy: { printedAt: "desc" },
    take: DOSSIER_LETTERS_LIMIT + 1,
    select: { id: true, kind: true, eventId: true, decisionId: true, printedAt: true, printedBy: { select: { name: true } } },
  });
  const { items, more } = firstOf(rows, DOSSIER_LETTERS_LIMIT);
  const letters = items.map((l) => ({
    id: l.id,
    kind: l.kind,
    eventId: l.eventId,
    decisionId: l.decisionId,
    printedAt: l.printedAt,
    printedBy: l.printedBy.name,
  }));
  return { letters, more };
}

export type DossierLetter = Awaited<ReturnType<typeof lettersOf>>["letters"][number];

/** Records the printing of a fine decision letter (the effective decision of the dossier). */
export async function recordDecisionLetter(actor: Actor, eventId: string) {
  assertCan(actor, "fine.read");
  return db
    .$transaction(async (tx) => {
      const event = isUuid(eventId)
        ? await tx.trackEvent.findFirst({
            where: { id: eventId, type: "INFRINGEMENT", cancelledAt: null, newcomer: newcomerScope(actor) },
            include: { decisions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
          })
        : null;
      if (!event) throw new NotFoundError("fines.notFound");
      await lockNewcomerForWrite(tx, actor, event.newcomerId);
      const decision = effectiveDecision(event.decisions);
      if (!decision) throw new NotFoundError("fines.noFinalDecision");
      const letter = await tx.letter.create({
        data: { kind: "FINE_DECISION", newcomerId: event.newcomerId, eventId: event.id, decisionId: decision.id, printedById: actor.userId },
      });
      await recordAudit(tx, actor, {
        action: "letter.print",
        entityType: "letter",
        entityId: letter.id,
        newcomerId: event.newcomerId,
        agencyCode: event.agencyCode,
        after: { kind: letter.kind, eventId: event.id, decisionId: decision.id },
      });
      return letter;
    })
    .catch(deniedWrite(actor, "letter.print.denied", { entityType: "track_event", entityId: eventId, newcomerId: newcomerOfEvent(eventId) }));
}
