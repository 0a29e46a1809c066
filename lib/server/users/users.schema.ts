import { z } from "zod";
import { text } from "@/lib/domain/validation/text";

const roles = ["STAFF", "MANAGER", "ADMIN"] as const;

const base = {
  name: text().trim().min(2, "Vul de naam in (minstens 2 tekens).").max(120, "De naam is te lang."),
  role: z.enum(roles, { message: "Kies een rol." }),
  officeCode: text().trim().max(64).optional().transform((v) => (v ? v : null)),
  agencyCode: text().trim().max(64).optional().transform((v) => (v ? v : null)),
};

const password = text().min(12, "Het wachtwoord moet minstens 12 tekens hebben.").max(200, "Het wachtwoord is te lang.");

export const createUserSchema = z.object({
  ...base,
  email: text().trim().toLowerCase().email("Dit is geen geldig e-mailadres.").max(254),
  password,
});

export const updateUserSchema = z.object({
  ...base,
  active: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  password: z.union([z.literal(""), password]).optional().transform((v) => (v ? v : null)),
});

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
