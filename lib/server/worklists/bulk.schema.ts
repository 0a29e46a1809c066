// Input of the bulk actions: a selection of newcomer ids (the checkboxes of a list), and for a
// move the office to move to. Ids that are not uuids are refused as a whole, never skipped.
import { z } from "zod";
import { isUuid } from "@/lib/domain/kit";
import { text } from "@/lib/domain/validation/text";
import { BULK_MAX_ITEMS } from "./definitions";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
/** One id or several: a form posts `ids` once per checked box. */
const ids = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.string().refine(isUuid, "worklists.badSelection"))
    .min(1, "worklists.selectSome")
    .max(BULK_MAX_ITEMS, "worklists.tooMany")
    .transform((a) => [...new Set(a)]),
);

export const bulkSelectionSchema = z.object({ ids });

export const bulkMoveSchema = z.object({
  ids,
  officeCode: text({ message: "newcomer.chooseNewOffice" }).trim().min(1, "newcomer.chooseNewOffice").max(64),
  reason: z.preprocess(blank, text({ multiline: true }).trim().max(500, "form.reasonTooLong").optional()),
});
