// Text from users (forms, query parameters) must not carry control characters: PostgreSQL
// refuses NUL in a text value (the request then failed with a 500), and the other C0 characters
// are invisible in every list and export. One rule for every *.schema.ts string field.
import { z } from "zod";
import { renderMessage } from "@/lib/i18n/message";

/** Every C0 control character and DEL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point of this rule
const CONTROL = /[\u0000-\u001f\u007f]/;
/** The same, but tab, line feed and carriage return are allowed (free text with line breaks). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point of this rule
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The message key of a control character (zod messages are keys, rendered at the edge). */
export const CONTROL_CHARACTER_KEY = "text.controlCharacter";
/** Its Dutch text, as the forms show it. */
export const CONTROL_CHARACTER_MESSAGE = renderMessage(CONTROL_CHARACTER_KEY);

export function hasControlCharacter(value: string, options: { multiline?: boolean } = {}): boolean {
  return (options.multiline ? CONTROL_EXCEPT_LINE_BREAKS : CONTROL).test(value);
}

/**
 * A string field without control characters; chain .trim()/.min()/.max() as on z.string().
 * `multiline` for free text that may hold line breaks (motivations, notes, reasons).
 */
export function text(params?: { message?: string; multiline?: boolean }) {
  const multiline = params?.multiline ?? false;
  return z.string(params?.message ? { message: params.message } : undefined).refine((s) => !hasControlCharacter(s, { multiline }), CONTROL_CHARACTER_KEY);
}
