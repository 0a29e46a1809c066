// Labels of the fines area's codes in the reader's language, shared by the pages (server side).
// Infringement types are a closed list: messages/<locale>/codes.json (Dutch equal to codes.json).
import { codes, labelOf } from "@/lib/domain/codes";
import type { Locale } from "@/lib/i18n/locale";
import { dynamicMessage, looseTranslator } from "@/lib/i18n/messages";

const fines = (locale: Locale, key: string) => looseTranslator("fines", locale)(key);

export const infringementLabel = (code: string | null, locale: Locale) =>
  code ? (dynamicMessage("codes", locale, `infringementTypes.${code}`) ?? labelOf(codes.infringementTypes, code)) : "";
export const outcomeLabel = (code: string, locale: Locale) => fines(locale, `outcome.${code}`);
export const statusLabel = (code: string, locale: Locale) => fines(locale, `status.${code}`);
export const paymentLabel = (code: string | null, locale: Locale) => (code ? fines(locale, `payment.${code}`) : "");
export const eventLabel = (code: string, locale: Locale) => fines(locale, `events.${code}`);
