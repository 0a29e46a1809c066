// Which residence statuses and target groups fit a nationality. Used as draw tiers (see pool.ts):
// preferred codes first; marginals stay exact because a draw falls back to any code once the
// preferred ones run out — the pools are ordered so that this only happens for third-country
// nationals (who may well hold an EU+ family-reunification status).
import { nationalityGroupOf } from "@/lib/domain/codes";

const EU_STATUSES = [
  "ARBEIDSMIGRANT_EU",
  "GEZINSHERENIGING_EU",
  "VOLDOENDE_BESTAANSMIDDELEN_EU",
  "STUDENT_EU",
  "EU_VOORLOPIG_STATUUT",
  "EU_IN_AFWACHTING",
  "ANDERE_REDEN_EU",
  "GEZINSHERENIGING_EU_OF_BELG",
];
const BELGIAN_LIKE = ["BELG_NIEUWKOMER", "GEZINSHERENIGING_BELG"];
const NEUTRAL = ["OVERIGE", "ONBEPAALD"];
const THIRD_COUNTRY_STATUSES = [
  "GEZINSHERENIGING_DERDELANDER",
  "GEZINSHERENIGING_BELG",
  "ERKEND_VLUCHTELING",
  "ARBEIDSMIGRANT_DERDELANDER",
  "STUDENT_DERDELANDER",
  "GEZINSHERENIGING_ERKEND_VLUCHTELING",
  "ANDERE_REDEN_DERDELANDER",
  "GEREGULARISEERD",
  "ASIELZOEKER",
  "SUBSIDIAIRE_BESCHERMING",
  "GEZINSHERENIGING_SUBSIDIAIR_BESCHERMDE",
  "OVERIGE",
  "ONBEPAALD",
];
/** Statuses that make a third-country national obliged (PLICHT) more often than not. */
const OBLIGED_STATUSES = new Set([
  "GEZINSHERENIGING_DERDELANDER",
  "GEZINSHERENIGING_BELG",
  "ERKEND_VLUCHTELING",
  "GEZINSHERENIGING_ERKEND_VLUCHTELING",
  "GEREGULARISEERD",
  "SUBSIDIAIRE_BESCHERMING",
  "GEZINSHERENIGING_SUBSIDIAIR_BESCHERMDE",
  "ANDERE_REDEN_DERDELANDER",
]);

/** True for statuses an EU+ national cannot plausibly hold (a status of a third-country national). */
export function isThirdCountryStatus(status: string): boolean {
  return (
    status.endsWith("_DERDELANDER") ||
    [
      "ERKEND_VLUCHTELING",
      "ASIELZOEKER",
      "SUBSIDIAIRE_BESCHERMING",
      "GEZINSHERENIGING_ERKEND_VLUCHTELING",
      "GEZINSHERENIGING_SUBSIDIAIR_BESCHERMDE",
      "GEREGULARISEERD",
    ].includes(status)
  );
}

/** Draw order of nationalities: the most constrained first, so their preferred statuses are still there. */
export function nationalityPriority(nationality: string): number {
  if (nationality === "BEL") return 0;
  const group = nationalityGroupOf(nationality);
  return group === "EU_PLUS" ? 1 : group === "ONBEPAALD" ? 2 : 3;
}

export function statusTiers(nationality: string): string[][] {
  if (nationality === "BEL") return [["BELG_NIEUWKOMER"], ["GEZINSHERENIGING_BELG"], NEUTRAL, EU_STATUSES];
  const group = nationalityGroupOf(nationality);
  if (group === "EU_PLUS") return [EU_STATUSES, [...NEUTRAL, "GEZINSHERENIGING_BELG"], BELGIAN_LIKE];
  if (group === "ONBEPAALD") return [NEUTRAL, ["ASIELZOEKER", "GEREGULARISEERD", "ERKEND_VLUCHTELING"], THIRD_COUNTRY_STATUSES];
  return [THIRD_COUNTRY_STATUSES, ["GEZINSHERENIGING_EU", "GEZINSHERENIGING_EU_OF_BELG", "ANDERE_REDEN_EU"]];
}

export function targetTiers(nationality: string, status: string): string[][] {
  const group = nationalityGroupOf(nationality);
  if (group === "EU_PLUS") return [["RECHT"], ["ONBEPAALD"]];
  if (group === "ONBEPAALD") return [["ONBEPAALD"], ["PLICHT", "RECHT"]];
  return OBLIGED_STATUSES.has(status) ? [["PLICHT"], ["RECHT"]] : [["RECHT"], ["PLICHT"]];
}
