import "server-only";
// The client's address for the current request: the single reader of X-Forwarded-For in the app.
// It can be trusted because the production server (scripts/app-server.ts) replaces whatever the
// client sent with exactly one address — the socket peer, or the address behind the proxies of
// TRUSTED_PROXIES (lib/domain/net/client-ip.ts). Anything else in the header is not an address.
import { headers } from "next/headers";
import { normalizeAddress } from "@/lib/domain/net/client-ip";

export async function requestClientIp(): Promise<string | null> {
  return normalizeAddress((await headers()).get("x-forwarded-for"));
}
