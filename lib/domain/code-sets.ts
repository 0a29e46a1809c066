// The closed code sets, once. These arrays are the source in TypeScript: zod schemas use them as
// z.enum(X), forms and pages map over them, the import checks against them. The database has them
// as Prisma enums (prisma/schema.prisma) and codes.json carries their labels; codes.test.ts fails
// when either differs from these arrays. Pure constants without the JSON, so client components
// can import them (lib/domain/codes.ts re-exports them with the labelled lists).
export const GENDERS = ["M", "V"] as const;
export const TARGET_GROUPS = ["PLICHT", "RECHT", "ONBEPAALD"] as const;
export const NATIONALITY_GROUPS = ["DERDELANDER", "EU_PLUS", "ONBEPAALD"] as const;
export const EVENT_TYPES = ["EXTRACTION", "INVITATION", "REGISTRATION", "CONTRACT", "ATTESTATION", "INFRINGEMENT", "DVZ_ADVICE"] as const;
/** The steps staff record on a dossier; DVZ advices are made by ADMINs elsewhere (lib/server/dvz). */
export const RECORDABLE_EVENT_TYPES = [
  "EXTRACTION",
  "INVITATION",
  "REGISTRATION",
  "CONTRACT",
  "ATTESTATION",
  "INFRINGEMENT",
] as const satisfies readonly EventTypeCode[];
export const INFRINGEMENT_TYPES = [
  "NIET_TIJDIG_AANGEMELD",
  "GEWEIGERD_TE_ONDERTEKENEN",
  "ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD",
  "ONREGELMATIGE_DEELNAME",
  "NA_INBREUK_NIET_TIJDIG_AANGEMELD",
  "NIET_REGELMATIG_DEELGENOMEN",
  "NIET_TIJDIG_AANGEMELD_NA_OPSCHORTING",
] as const;
export const DECISION_OUTCOMES = ["BOETE", "GEEN_BOETE", "GEEN_GEVOLG"] as const;
export const DECISION_STATUSES = ["AWAITING_CONFIRMATION", "FINAL", "REJECTED"] as const;
export const PAYMENT_STATUSES = ["OPEN", "BETAALD", "HERINNERING", "OVERGEDRAGEN"] as const;
export const DVZ_FOLLOW_UPS = ["VERBLIJF_VERLENGD", "VERBLIJF_NIET_VERLENGD", "ONBEKEND"] as const;

export type GenderCode = (typeof GENDERS)[number];
export type TargetGroupCode = (typeof TARGET_GROUPS)[number];
export type NationalityGroupCode = (typeof NATIONALITY_GROUPS)[number];
export type EventTypeCode = (typeof EVENT_TYPES)[number];
export type InfringementTypeCode = (typeof INFRINGEMENT_TYPES)[number];
export type DecisionCode = (typeof DECISION_OUTCOMES)[number];
export type DecisionStatusCode = (typeof DECISION_STATUSES)[number];
export type PaymentStatusCode = (typeof PAYMENT_STATUSES)[number];
export type DvzFollowUpCode = (typeof DVZ_FOLLOW_UPS)[number];
