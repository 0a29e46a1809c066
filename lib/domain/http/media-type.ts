// The media type of a Content-Type header (RFC 9110 §8.3.1): `type/subtype` before any
// parameters, case-insensitive. `includes("application/json")` accepted
// `text/plain; x=application/json`, which a cross-site form can send without a CORS preflight.

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+$/;

/** `type/subtype` in lower case, or null when the header is absent or malformed. */
export function mediaTypeOf(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const essence = contentType.split(";")[0]!.trim().toLowerCase();
  return TOKEN.test(essence) ? essence : null;
}

/** True only for `application/json` itself (parameters such as charset=utf-8 allowed). */
export const isJsonContentType = (contentType: string | null | undefined) => mediaTypeOf(contentType) === "application/json";
