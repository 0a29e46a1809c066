// Dutch labels of the fines area's codes, shared by the pages (server side).
import { codes, labelOf } from "@/lib/domain/codes";
import { translator } from "@/lib/i18n/messages";

const t = translator("fines");

export const infringementLabel = (code: string | null) => (code ? labelOf(codes.infringementTypes, code) : "");
export const outcomeLabel = (code: string) => t(`outcome.${code}`);
export const statusLabel = (code: string) => t(`status.${code}`);
export const paymentLabel = (code: string | null) => (code ? t(`payment.${code}`) : "");
export const eventLabel = (code: string) => t(`events.${code}`);
