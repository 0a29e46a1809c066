// The appointment an invitation names: a date and a time from the batch page's query, both
// optional (blank: the letter leaves lines to fill in by hand), each checked.
import { isoDate } from "@/lib/domain/letters/iso-date";
import type { ErrorKey } from "@/lib/i18n/message";

export type Appointment = { date: string | null; time: string | null; problems: ErrorKey[] };

export function parseAppointment(date: string | undefined, time: string | undefined): Appointment {
  const problems: ErrorKey[] = [];
  const d = date?.trim() || null;
  const t = time?.trim() || null;
  if (d && !isoDate(d)) problems.push("letters.appointmentDateInvalid");
  if (t && !/^([01]\d|2[0-3]):[0-5]\d$/.test(t)) problems.push("letters.appointmentTimeInvalid");
  return { date: d && isoDate(d) ? d : null, time: t && /^([01]\d|2[0-3]):[0-5]\d$/.test(t) ? t : null, problems };
}
