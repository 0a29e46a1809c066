// Formatting for everything a user reads, in the user's language with Belgian conventions:
// nl-BE 16.251 · 15/01/2023 · € 1.500,00; en-BE as Intl gives it (16.251 · 15/01/2023 ·
// €1,500.00: CLDR's en-BE groups plain numbers with a dot but writes amounts the English way).
// Times in Europe/Brussels. Pure functions, shared by server and client components; the locale
// defaults to Dutch so that callers without a user (scripts, the exchange format) are unchanged.
import { DEFAULT_LOCALE, intlLocale, type Locale } from "./locale";

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, kind: "integer" | "euro" | "euroWhole"): Intl.NumberFormat {
  const key = `${locale}:${kind}`;
  let f = cache.get(key);
  if (!f) {
    const tag = intlLocale(locale);
    f =
      kind === "integer"
        ? new Intl.NumberFormat(tag, { maximumFractionDigits: 0 })
        : new Intl.NumberFormat(tag, { style: "currency", currency: "EUR", ...(kind === "euroWhole" ? { maximumFractionDigits: 0 } : {}) });
    cache.set(key, f);
  }
  return f;
}

export function formatNumber(n: number, locale: Locale = DEFAULT_LOCALE): string {
  return numberFormat(locale, "integer").format(n);
}

export function formatEuro(n: number, { cents = false, locale = DEFAULT_LOCALE }: { cents?: boolean; locale?: Locale } = {}): string {
  return numberFormat(locale, cents ? "euro" : "euroWhole").format(n);
}

/** A calendar date (YYYY-MM-DD or a Date at UTC midnight) as DD/MM/YYYY (both languages). */
export function formatDate(d: string | Date | null | undefined): string {
  if (!d) return "";
  const iso = typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10);
  const [y, m, day] = iso.split("-");
  return `${day}/${m}/${y}`;
}

/** A moment (audit time) in Belgian local time: 15/01/2023 14:05. */
export function formatDateTime(d: Date | string, locale: Locale = DEFAULT_LOCALE): string {
  const date = typeof d === "string" ? new Date(d) : d;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: "Europe/Brussels",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(date)
    .replace(",", "");
}

/** A moment's time of day in Belgian local time, with seconds: 14:02:31 (a replica's freshness). */
export function formatTime(d: Date | string, locale: Locale = DEFAULT_LOCALE): string {
  const date = typeof d === "string" ? new Date(d) : d;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: "Europe/Brussels",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(date);
}

/** A date as the ISO calendar date used in forms and the exchange format. */
export function toIsoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Today's date in Brussels, as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(now);
}
