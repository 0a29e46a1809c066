import { z } from "zod";
import { PAYMENT_STATUSES } from "@/lib/domain/code-sets";
import { isoDate } from "./decision.schema";

export const paymentSchema = z
  .object({
    paymentStatus: z.enum(PAYMENT_STATUSES, { message: "fines.choosePaymentStatus" }),
    on: z.preprocess((v) => (v === "" ? undefined : v), isoDate.optional()),
  })
  .superRefine((v, ctx) => {
    if (v.paymentStatus !== "OPEN" && !v.on) ctx.addIssue({ code: "custom", path: ["on"], message: "form.dateFilled" });
  });
