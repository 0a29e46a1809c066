import "server-only";
// Loads one newcomer through the actor's scope (lib/server/access/scope.ts). A newcomer outside
// the scope is reported exactly like one that does not exist, so ids of other agencies reveal
// nothing. Inside a transaction, `lock` takes a row lock so that concurrent changes serialise.
import { maskNationalNumber } from "@/lib/domain/national-number";
import { Prisma } from "@/lib/generated/prisma/client";
import { newcomerScope, newcomerScopeSql } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { AnonymisedDossierError, NotFoundError } from "@/lib/server/errors";
import type { Tx } from "@/lib/server/kit/tx";
import { isUuid } from "@/lib/domain/kit";

/** `lock`: the load of a write — the row locked, and an anonymised dossier refused (lockNewcomerForWrite). */
export async function findNewcomerInScope(tx: Tx, actor: Actor, id: string, opts: { lock?: boolean } = {}) {
  if (!isUuid(id)) throw new NotFoundError();
  if (opts.lock) await lockNewcomerForWrite(tx, actor, id);
  const newcomer = await tx.newcomer.findFirst({ where: { AND: [{ id }, newcomerScope(actor)] } });
  if (!newcomer) throw new NotFoundError();
  return newcomer;
}

/** The fields of a newcomer as they go into the audit log (before/after); the national number masked. */
export function auditShape(
  n: {
    id: string;
    nationalNumber: string;
    lastName: string;
    firstName: string;
    birthDate: Date;
    gender: string;
    nationalityCode: string;
    nationalityGroup: string;
    residenceStatusCode: string;
    targetGroup: string;
    officeCode: string;
    agencyCode: string;
    version: number;
  } & ContactColumns,
) {
  return {
    id: n.id,
    nationalNumber: maskNationalNumber(n.nationalNumber),
    lastName: n.lastName,
    firstName: n.firstName,
    birthDate: n.birthDate.toISOString().slice(0, 10),
    gender: n.gender,
    nationalityCode: n.nationalityCode,
    nationalityGroup: n.nationalityGroup,
    residenceStatusCode: n.residenceStatusCode,
    targetGroup: n.targetGroup,
    officeCode: n.officeCode,
    agencyCode: n.agencyCode,
    ...contactShape(n),
    version: n.version,
  };
}

/** The contact columns of a newcomer (issue 14), null when not known. */
export interface ContactColumns {
  street: string | null;
  houseNumber: string | null;
  boxNumber: string | null;
  postalCode: string | null;
  city: string | null;
  countryCode: string | null;
  phoneNumber: string | null;
  emailAddress: string | null;
  contactLanguage: string | null;
}

export function contactShape(n: ContactColumns): ContactColumns {
  return {
    street: n.street,
    houseNumber: n.houseNumber,
    boxNumber: n.boxNumber,
    postalCode: n.postalCode,
    city: n.city,
    countryCode: n.countryCode,
    phoneNumber: n.phoneNumber,
    emailAddress: n.emailAddress,
    contactLanguage: n.contactLanguage,
  };
}

/**
 * THE check that an anonymised dossier is frozen (issue 15): every write path of the data layer
 * locks the dossiers it changes through here (directly, or through findNewcomerInScope's `lock`),
 * so an anonymisation and a change serialise on the row lock and the change, coming second, sees
 * `anonymised_at`. Locks the given newcomers the actor may see, in id order (no deadlock between
 * two writers), and returns the version of each found one and the anonymised ones apart; ids out
 * of scope are simply absent (the caller says "not found").
 */
export async function lockNewcomersForWrite(tx: Tx, actor: Actor, ids: readonly string[]) {
  const valid = ids.filter(isUuid);
  const rows =
    valid.length === 0
      ? []
      : await tx.$queryRaw<{ id: string; version: number; anonymised_at: Date | null }[]>(
          Prisma.sql`SELECT n.id, n.version, n.anonymised_at FROM newcomer n
                      WHERE n.id = ANY(${valid}::uuid[]) AND ${newcomerScopeSql(actor)} ORDER BY n.id FOR UPDATE`,
        );
  const versions = new Map<string, number>();
  const frozen = new Map<string, AnonymisedDossierError>();
  for (const r of rows) {
    if (r.anonymised_at) frozen.set(r.id, new AnonymisedDossierError(r.id, r.anonymised_at));
    else versions.set(r.id, r.version);
  }
  return { versions, frozen };
}

/** One dossier for a write: locked, NotFoundError outside the scope, AnonymisedDossierError once anonymised. */
export async function lockNewcomerForWrite(tx: Tx, actor: Actor, id: string): Promise<{ version: number }> {
  const { versions, frozen } = await lockNewcomersForWrite(tx, actor, [id]);
  const refused = frozen.get(id);
  if (refused) throw refused;
  const version = versions.get(id);
  if (version === undefined) throw new NotFoundError();
  return { version };
}
