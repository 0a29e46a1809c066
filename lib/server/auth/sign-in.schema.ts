import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Vul uw e-mailadres in.").max(254).email("Dit is geen geldig e-mailadres."),
  password: z.string().min(1, "Vul uw wachtwoord in.").max(200),
});
