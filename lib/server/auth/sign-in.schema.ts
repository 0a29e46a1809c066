import { z } from "zod";
import { text } from "@/lib/domain/validation/text";

export const signInSchema = z.object({
  email: text().trim().min(1, "Vul uw e-mailadres in.").max(254).email("Dit is geen geldig e-mailadres."),
  password: text().min(1, "Vul uw wachtwoord in.").max(200),
});
