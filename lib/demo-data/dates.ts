// Dates as day numbers (days since 1970-01-01, UTC) so ordering and spreading are integer maths.
export const AS_OF = "2023-01-15";

export function toDay(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}

export function fromDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export const AS_OF_DAY = toDay(AS_OF);
export const yearStart = (y: number) => toDay(`${y}-01-01`);
export const yearEnd = (y: number) => toDay(`${y}-12-31`);
/** The infringement rules change on this day (DOMAIN.md, step 6). */
export const RULE_CHANGE_DAY = toDay("2022-03-01");
