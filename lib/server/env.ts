import "server-only";
// The application's configuration, read from the environment once and validated with zod, so a
// wrong value stops the app with a clear message instead of misbehaving later. Read lazily
// (serverEnv()), because `next build` loads the modules without any of these set.
// Every variable is documented in README.md ("Configuration").
import { z } from "zod";
import { splitList } from "@/lib/domain/net/client-ip";
import { DEFAULT_MAX_LAG_SECONDS } from "@/lib/domain/reports/replica-freshness";
import { DEMO_FINE_IBAN, isValidIban } from "@/lib/domain/letters/fine-letter";

// the same comma-list rule the production server uses for TRUSTED_PROXIES (scripts/app-server.ts)
const list = z.string().optional().transform(splitList);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL ontbreekt: start de app met `npm run demo` of zet DATABASE_URL."),
  /** the owner role, for migrations (npm start, npm run db:migrate); never passed to the app itself */
  MIGRATION_DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().optional(),
  /** extra origins (scheme://host[:port]) allowed to send state-changing requests, comma-separated */
  ALLOWED_ORIGINS: list,
  /** addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed, comma-separated */
  TRUSTED_PROXIES: list,
  /** minutes without a request after which a session ends */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** a read replica (streaming standby) the report reads go to; unset or empty → DATABASE_URL */
  REPORTS_DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  /** seconds the replica may lag behind before the reports read the primary instead */
  REPORTS_MAX_LAG_SECONDS: z.coerce.number().int().min(0).default(DEFAULT_MAX_LAG_SECONDS),
  /** the agency's account for fines (IBAN), printed on the fine letter; required in production (npm start refuses without) */
  FINE_PAYMENT_IBAN: z
    .string()
    .optional()
    .transform((v) => v?.replace(/\s+/g, "").toUpperCase() || undefined)
    .refine((v) => v === undefined || isValidIban(v), "FINE_PAYMENT_IBAN is geen geldig rekeningnummer (IBAN)."),
  /** issue 15: the secret key of the anonymised national numbers' marks (lib/server/retention/number-mark.ts); unset → no marks */
  RETENTION_NUMBER_KEY: z.string().min(32, "RETENTION_NUMBER_KEY: minstens 32 tekens.").optional(),
});

export type ServerEnv = z.infer<typeof schema>;

/** The account on the fine letter: the configured one; outside production the demo value. */
export function fineIban(): string {
  const env = serverEnv();
  if (env.FINE_PAYMENT_IBAN) return env.FINE_PAYMENT_IBAN;
  if (env.NODE_ENV === "production") throw new Error("FINE_PAYMENT_IBAN ontbreekt: zet het rekeningnummer (IBAN) voor de boetes.");
  return DEMO_FINE_IBAN;
}

let cached: ServerEnv | null = null;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Ongeldige configuratie:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change the environment between cases. */
export function resetServerEnvForTests() {
  cached = null;
}
