// What `npm start` refuses to run with: no database, or a session secret anyone could know or
// guess (a forged session token would be anyone's account). Every problem at once, in Dutch.

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
    errors.push(`NEXTAUTH_SECRET is te kort (${Buffer.byteLength(secret, "utf8")} bytes): minstens ${MIN_SECRET_BYTES} bytes nodig (bv. \`openssl rand -base64 48\`).`);
  } else if (KNOWN_SECRETS.has(secret)) {
    errors.push("NEXTAUTH_SECRET is een bekende voorbeeldwaarde: kies een willekeurige geheime sleutel (bv. `openssl rand -base64 48`).");
  }
  return errors;
}
