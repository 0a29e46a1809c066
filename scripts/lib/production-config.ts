import { isValidIban } from "../../lib/domain/letters/fine-letter";

// What `npm start` refuses to run with: no database, or a session secret anyone could know or
// guess (a forged session token would be anyone's account), or no server-actions key of its own
// (every instance behind a balancer needs the same one). Every problem at once, in Dutch.

/** Minimum length of NEXTAUTH_SECRET in bytes (256 bits: the HMAC key of the session tokens). */
export const MIN_SECRET_BYTES = 32;

/** Secrets that were shipped as examples or defaults somewhere: known, so never acceptable. */
const KNOWN_SECRETS = new Set(["change-me-to-a-long-random-string", "secret", "changeme"]);

export function productionConfigErrors(env: NodeJS.ProcessEnv): string[] {
  const errors: string[] = [];
  if (!env.DATABASE_URL) {
    errors.push("DATABASE_URL ontbreekt: `npm start` gebruikt geen ingebedde database. Zet DATABASE_URL op de rol inburgering_app (zie README, Productie).");
  }
  const secret = env.NEXTAUTH_SECRET ?? "";
  if (!secret) {
    errors.push(`NEXTAUTH_SECRET ontbreekt: zet een willekeurige geheime sleutel van minstens ${MIN_SECRET_BYTES} bytes (bv. \`openssl rand -base64 48\`).`);
  } else if (Buffer.byteLength(secret, "utf8") < MIN_SECRET_BYTES) {
    errors.push(
      `NEXTAUTH_SECRET is te kort (${Buffer.byteLength(secret, "utf8")} bytes): minstens ${MIN_SECRET_BYTES} bytes nodig (bv. \`openssl rand -base64 48\`).`,
    );
  } else if (KNOWN_SECRETS.has(secret)) {
    errors.push("NEXTAUTH_SECRET is een bekende voorbeeldwaarde: kies een willekeurige geheime sleutel (bv. `openssl rand -base64 48`).");
  }
  errors.push(...actionsKeyErrors(env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? ""));
  // the fine letter tells the newcomer where to pay: without the real account it cannot be sent
  if (!env.FINE_PAYMENT_IBAN) errors.push("FINE_PAYMENT_IBAN ontbreekt: zet het rekeningnummer (IBAN) waarop de boetes betaald worden.");
  else if (!isValidIban(env.FINE_PAYMENT_IBAN)) errors.push("FINE_PAYMENT_IBAN is geen geldig rekeningnummer (IBAN): controleer de controlecijfers.");
  return errors;
}

/** Bytes of NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: an AES-256 key, as Next generates itself. */
export const ACTIONS_KEY_BYTES = 32;

/**
 * NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is required in production, always: Next encrypts the variables
 * a server action closes over with it, and without it every build makes a random key of its own,
 * so two instances built apart (two images, a rolling deploy) could not read each other's forms.
 * Requiring it always is simpler and safer than detecting "more than one instance".
 */
function actionsKeyErrors(key: string): string[] {
  const how = "(bv. `openssl rand -base64 32`; dezelfde waarde op elke instantie)";
  if (!key) return [`NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ontbreekt: zet een willekeurige sleutel van ${ACTIONS_KEY_BYTES} bytes in base64 ${how}.`];
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(key) || Buffer.from(key, "base64").byteLength !== ACTIONS_KEY_BYTES) {
    return [`NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is geen sleutel van ${ACTIONS_KEY_BYTES} bytes in base64 ${how}.`];
  }
  return [];
}
