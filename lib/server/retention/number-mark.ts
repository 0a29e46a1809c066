import "server-only";
// The mark of an anonymised national number: HMAC-SHA-256 under RETENTION_NUMBER_KEY, a secret
// kept outside the database. Why keyed: the space of national numbers is small (a birth date, a
// 3-digit counter, a check of 2 digits: about 4·10^9 candidates, fewer once the year is known), so a
// plain hash is reversed by trying them all in minutes. With a key the database alone cannot be
// searched; with the key one learns only "this number was anonymised once", not which dossier (the
// marks table holds no newcomer id and no date). Without a key no mark is kept, and a later import
// of the number simply creates a new person without saying so.
import crypto from "node:crypto";
import { serverEnv } from "@/lib/server/env";

export function numberMark(nationalNumber: string): string | null {
  const key = serverEnv().RETENTION_NUMBER_KEY;
  if (!key) return null;
  return crypto.createHmac("sha256", key).update(nationalNumber.replace(/\D/g, "")).digest("base64url");
}
