import "server-only";
// Loads one newcomer through the actor's scope (lib/server/access/scope.ts). A newcomer outside
// the scope is reported exactly like one that does not exist, so ids of other agencies reveal
// nothing. Inside a transaction, `lock` takes a row lock so that concurrent changes serialise.
import { maskNationalNumber } from "@/lib/domain/national-number";
import { Prisma } from "@/lib/generated/prisma/client";
import { newcomerScope, newcomerScopeSql } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { NotFoundError } from "@/lib/server/errors";
import type { Tx } from "@/lib/server/kit/tx";
import { isUuid } from "@/lib/domain/kit";

export async function findNewcomerInScope(tx: Tx, actor: Actor, id: string, opts: { lock?: boolean } = {}) {
  if (!isUuid(id)) throw new NotFoundError();
  if (opts.lock) {
    const rows = await tx.$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT n.id FROM newcomer n WHERE n.id = ${id}::uuid AND ${newcomerScopeSql(actor)} FOR UPDATE`,
    );
    if (rows.length === 0) throw new NotFoundError();
  }
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
