import { z } from "zod";
import { text } from "@/lib/domain/validation/text";

const roles = ["STAFF", "MANAGER", "ADMIN"] as const;

const base = {
  name: text().trim().min(2, "users.nameMin").max(120, "users.nameTooLong"),
  role: z.enum(roles, { message: "users.chooseRole" }),
  officeCode: text()
    .trim()
    .max(64)
    .optional()
    .transform((v) => (v ? v : null)),
  agencyCode: text()
    .trim()
    .max(64)
    .optional()
    .transform((v) => (v ? v : null)),
};

const password = text().min(12, "users.passwordMin").max(200, "users.passwordTooLong");

export const createUserSchema = z.object({
  ...base,
  email: text().trim().toLowerCase().email("form.emailInvalid").max(254),
  password,
});

export const updateUserSchema = z.object({
  ...base,
  active: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  password: z
    .union([z.literal(""), password])
    .optional()
    .transform((v) => (v ? v : null)),
});

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
