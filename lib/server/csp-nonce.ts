import "server-only";
// The nonce proxy.ts put in this request's Content-Security-Policy: a page's own <style> element
// (print rules) carries it, or the policy blocks it. Next adds it to its own scripts by itself.
import { headers } from "next/headers";

export async function cspNonce(): Promise<string | undefined> {
  return (await headers()).get("x-nonce") ?? undefined;
}
