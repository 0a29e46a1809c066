import { RULE_CHANGE_DATE } from "@/lib/domain/fines/infringement-decree";

// Dates as day numbers (days since 1970-01-01, UTC) so ordering and spreading are integer maths.
export const AS_OF = "2023-01-15";

export function toDay(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}

// Formatting through Date is the generator's hottest spot, so formatted days are memoised.
const formatted = new Map<number, string>();
export function fromDay(day: number): string {
  let iso = formatted.get(day);
  if (iso === undefined) {
    iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
    formatted.set(day, iso);
  }
  return iso;
}

export const AS_OF_DAY = toDay(AS_OF);
export const yearStart = (y: number) => Math.round(Date.UTC(y, 0, 1) / 86_400_000);
export const yearEnd = (y: number) => Math.round(Date.UTC(y, 11, 31) / 86_400_000);
/** The infringement rules change on this day (docs/DOMAIN.md, step 6; the date lives in lib/domain/fines/infringement-decree). */
export const RULE_CHANGE_DAY = toDay(RULE_CHANGE_DATE);
