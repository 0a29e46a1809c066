import "server-only";
// Phase 1 of an import: every line parsed and checked before anything is written.
import { validateExchangeLine, type LineError, type ReferenceCodes, type ResolvedNewcomer } from "@/lib/domain/exchange/validate-line";

export interface ValidatedFile { newcomers: ResolvedNewcomer[]; lines: number[]; errors: LineError[]; total: number }

/** Lines are 1-based; empty lines are skipped (a trailing newline is normal). */
export function validateExchangeText(text: string, refs: ReferenceCodes, onProgress?: (done: number, total: number) => void): ValidatedFile {
  // a byte-order mark (some editors write one) is not part of the first line's JSON
  const raw = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split("\n");
  let total = 0;
  for (const l of raw) if (l.trim() !== "") total++;
  const newcomers: ResolvedNewcomer[] = [];
  const lines: number[] = [];
  const errors: LineError[] = [];
  const seen = new Map<string, number>();
  let done = 0;
  for (let i = 0; i < raw.length; i++) {
    const l = raw[i]!;
    if (l.trim() === "") continue;
    const r = validateExchangeLine(l, i + 1, refs);
    if (!r.ok) errors.push(...r.errors);
    else {
      const first = seen.get(r.value.nationalNumber);
      if (first !== undefined) errors.push({ line: i + 1, field: "nationalNumber", reason: `Dit rijksregisternummer staat al op regel ${first}.` });
      else {
        seen.set(r.value.nationalNumber, i + 1);
        newcomers.push(r.value);
        lines.push(i + 1);
      }
    }
    if (++done % 5000 === 0) onProgress?.(done, total);
  }
  onProgress?.(done, total);
  return { newcomers, lines, errors, total };
}
