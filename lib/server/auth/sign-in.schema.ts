import { z } from "zod";
import { text } from "@/lib/domain/validation/text";

export const signInSchema = z.object({
  email: text().trim().min(1, "auth.emailRequired").max(254).email("form.emailInvalid"),
  password: text().min(1, "auth.passwordRequired").max(200),
});
