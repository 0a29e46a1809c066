// Is the address of a request readable text? A NUL byte or another control character in a path
// or query parameter (e.g. `/dossiers?office=x%00`), a broken percent-encoding (`%zz`) or
// percent-encoded bytes that are not UTF-8 (`%C3%28`) mean the request is not one our pages
// send; proxy.ts answers 400 before any page reads it (PostgreSQL refuses NUL in text: a 500).
// Pure, so the proxy and a unit test use the same rule.
import { renderMessage } from "@/lib/i18n/message";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point of this check
const CONTROL = /[\u0000-\u001f\u007f]/;

function decodes(part: string): boolean {
  try {
    return !CONTROL.test(decodeURIComponent(part));
  } catch {
    // URIError: a malformed escape or bytes that are not valid UTF-8
    return false;
  }
}

/** `rawPath` and `rawQuery` as sent (still percent-encoded); the query without its "?". */
export function isReadableUrl(rawPath: string, rawQuery: string): boolean {
  if (CONTROL.test(rawPath) || CONTROL.test(rawQuery)) return false;
  if (!decodes(rawPath)) return false;
  if (rawQuery === "") return true;
  for (const pair of rawQuery.split("&")) {
    for (const part of pair.split("=")) if (!decodes(part.replace(/\+/g, " "))) return false;
  }
  return true;
}

/** Its Dutch text: the proxy answers before anyone is known, so in the default language. */
export const UNREADABLE_URL_MESSAGE = renderMessage("request.unreadableUrl");
