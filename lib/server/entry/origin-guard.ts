import "server-only";
// Applies the origin policy (lib/domain/http/origin.ts) to the headers of a request, with the
// configured public URL and extra origins.
import { checkOrigin, type OriginVerdict } from "@/lib/domain/http/origin";
import { serverEnv } from "@/lib/server/env";

export function originVerdict(headers: Headers, protocol?: string | null): OriginVerdict {
  const env = serverEnv();
  return checkOrigin(
    {
      origin: headers.get("origin"),
      secFetchSite: headers.get("sec-fetch-site"),
      host: headers.get("host"),
      forwardedHost: headers.get("x-forwarded-host"),
      forwardedProto: headers.get("x-forwarded-proto"),
      protocol: protocol ?? null,
    },
    { publicUrl: env.NEXTAUTH_URL ?? null, allowedOrigins: env.ALLOWED_ORIGINS },
  );
}
