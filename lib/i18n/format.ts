// nl-BE formatting for everything a user reads: 16.251 · 15/01/2023 · € 1.500,00.
// Pure functions, shared by server and client components.
export const LOCALE = "nl-BE";

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const euro = new Intl.NumberFormat(LOCALE, { style: "currency", currency: "EUR" });
const euroWhole = new Intl.NumberFormat(LOCALE, { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

export function formatNumber(n: number): string {
  return integer.format(n);
}

export function formatEuro(n: number, { cents = false } = {}): string {
  return (cents ? euro : euroWhole).format(n);
}

/** A calendar date (YYYY-MM-DD or a Date at UTC midnight) as DD/MM/YYYY. */
export function formatDate(d: string | Date | null | undefined): string {
  if (!d) return "";
  const iso = typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10);
  const [y, m, day] = iso.split("-");
  return `${day}/${m}/${y}`;
}

/** A moment (audit time) in Belgian local time: 15/01/2023 14:05. */
export function formatDateTime(d: Date | string): string {
  const date = typeof d === "string" ? new Date(d) : d;
  return new Intl.DateTimeFormat(LOCALE, { timeZone: "Europe/Brussels", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" })
    .format(date)
    .replace(",", "");
}

/** A moment's time of day in Belgian local time, with seconds: 14:02:31 (a replica's freshness). */
export function formatTime(d: Date | string): string {
  const date = typeof d === "string" ? new Date(d) : d;
  return new Intl.DateTimeFormat(LOCALE, { timeZone: "Europe/Brussels", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(date);
}

/** A date as the ISO calendar date used in forms and the exchange format. */
export function toIsoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Today's date in Brussels, as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(now);
}
