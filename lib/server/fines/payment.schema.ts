import { z } from "zod";
import { isoDate } from "./decision.schema";

export const paymentSchema = z.object({
  paymentStatus: z.enum(["OPEN", "BETAALD", "HERINNERING", "OVERGEDRAGEN"], { message: "fines.choosePaymentStatus" }),
  on: z.preprocess((v) => (v === "" ? undefined : v), isoDate.optional()),
}).superRefine((v, ctx) => {
  if (v.paymentStatus !== "OPEN" && !v.on) ctx.addIssue({ code: "custom", path: ["on"], message: "form.dateFilled" });
});
