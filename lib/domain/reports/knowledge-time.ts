// Knowledge time (kennisdatum): the instant a report is computed "as recorded on" — what the
// database held then (prisma/sql/reports/50-refresh-rebuild.sql keeps the history). Written as an
// ISO instant with its offset (2023-01-15T18:00:00Z, the CLI) or as a Brussels wall-clock time
// without one (2023-01-15T18:00, what a date-time input sends, the URL's `kennisdatum`). Pure.

const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const wallClock = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const brussels = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Brussels",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Brussels' offset from UTC at instant `t` (ms). */
function brusselsOffset(t: number): number {
  const p = Object.fromEntries(brussels.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - Math.floor(t / 1000) * 1000;
}

/**
 * The instant as an ISO string in UTC (what runReport and the SQL take), or null when `s` is not
 * a real instant in one of the two forms. A wall-clock time is Brussels time (in the hour skipped
 * in spring, the offset before the change).
 */
export function parseKnowledgeTime(s: string): string | null {
  if (withOffset.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? null : new Date(t).toISOString();
  }
  const m = wallClock.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, se);
  const back = new Date(asUtc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || se > 59) return null;
  const first = asUtc - brusselsOffset(asUtc);
  return new Date(asUtc - brusselsOffset(first)).toISOString();
}

/** An instant as the value of a date-time input: Brussels wall-clock time, to the minute. */
export function knowledgeTimeInputValue(iso: string): string {
  const t = Date.parse(iso);
  return new Date(t + brusselsOffset(t)).toISOString().slice(0, 16);
}
