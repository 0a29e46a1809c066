import "server-only";
// Phase 1 of an import: every line parsed and checked before anything is written.
import { validateExchangeLine, type LineError, type ReferenceCodes, type ResolvedNewcomer } from "@/lib/domain/exchange/validate-line";
import { msg } from "@/lib/i18n/message";
import { todayIso } from "@/lib/i18n/format";

export interface ValidatedFile {
  newcomers: ResolvedNewcomer[];
  lines: number[];
  errors: LineError[];
  /** steps out of the usual order, per line: reported, the lines are imported all the same */
  warnings: LineError[];
  total: number;
}

export const EMPTY_FILE_REASON = "import.emptyFile";
const INVALID_UTF8_REASON = "import.invalidUtf8";

/**
 * The file's bytes as text; a line that is not valid UTF-8 is an error with its line number
 * (and the field whose text is broken, when it can be told) instead of being read with U+FFFD
 * in its place. Fast path: the whole file decodes at once (as fast as reading it as UTF-8);
 * only when that fails is it decoded line by line to name the bad lines. A bad line is blanked,
 * so the other lines are still checked and every error of the file is listed.
 */
export function decodeExchangeBytes(bytes: Uint8Array): { text: string; errors: LineError[] } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes), errors: [] };
  } catch {
    // fall through: find the lines
  }
  const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const lenient = new TextDecoder("utf-8", { ignoreBOM: true });
  const lines: string[] = [];
  const errors: LineError[] = [];
  let start = 0;
  for (let lineNo = 1; start <= bytes.length; lineNo++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const slice = bytes.subarray(start, end);
    try {
      lines.push(strict.decode(slice));
    } catch {
      lines.push("");
      const fields = brokenFields(lenient.decode(slice));
      if (fields.length === 0) errors.push({ line: lineNo, field: "", reason: INVALID_UTF8_REASON });
      for (const field of fields) errors.push({ line: lineNo, field, reason: INVALID_UTF8_REASON });
    }
    start = end + 1;
  }
  return { text: lines.join("\n"), errors };
}

/** The fields whose value holds a replacement character once decoded leniently. */
function brokenFields(line: string): string[] {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return [];
  }
  const found: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === "string") {
      if (v.includes("\uFFFD")) found.push(path);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(raw, "");
  return found;
}

/** Decodes and validates a whole file: all errors at once (encoding, content, an empty file). */
export function validateExchangeBytes(bytes: Uint8Array, refs: ReferenceCodes, onProgress?: (done: number, total: number) => void): ValidatedFile {
  const decoded = decodeExchangeBytes(bytes);
  const file = validateExchangeText(decoded.text, refs, onProgress);
  if (decoded.errors.length > 0) {
    return { ...file, errors: [...decoded.errors, ...file.errors].sort((a, b) => a.line - b.line) };
  }
  // 0 bytes or only blank lines: "0 new newcomers" would read as a successful import
  if (file.total === 0 && file.errors.length === 0) return { ...file, errors: [{ line: 0, field: "", reason: EMPTY_FILE_REASON }] };
  return file;
}

/** Lines are 1-based; empty lines are skipped (a trailing newline is normal). */
export function validateExchangeText(text: string, given: ReferenceCodes, onProgress?: (done: number, total: number) => void): ValidatedFile {
  // one "today" for the whole file (the future-birth-date rule), not one clock read per line
  const refs = given.today ? given : { ...given, today: todayIso() };
  // a byte-order mark (some editors write one) is not part of the first line's JSON
  const raw = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split("\n");
  let total = 0;
  for (const l of raw) if (l.trim() !== "") total++;
  const newcomers: ResolvedNewcomer[] = [];
  const lines: number[] = [];
  const errors: LineError[] = [];
  const warnings: LineError[] = [];
  const seen = new Map<string, number>();
  let done = 0;
  for (let i = 0; i < raw.length; i++) {
    const l = raw[i]!;
    if (l.trim() === "") continue;
    const r = validateExchangeLine(l, i + 1, refs);
    if (!r.ok) errors.push(...r.errors);
    else {
      const first = seen.get(r.value.nationalNumber);
      if (first !== undefined) errors.push({ line: i + 1, field: "nationalNumber", reason: msg("import.duplicateNationalNumber", { line: first }) });
      else {
        seen.set(r.value.nationalNumber, i + 1);
        newcomers.push(r.value);
        lines.push(i + 1);
        if (r.warnings) warnings.push(...r.warnings);
      }
    }
    if (++done % 5000 === 0) onProgress?.(done, total);
  }
  onProgress?.(done, total);
  return { newcomers, lines, errors, warnings, total };
}
