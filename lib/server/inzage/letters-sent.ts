import "server-only";
// The letters sent to a newcomer, for the right of access. The record of printed letters comes
// with the letters slice (issue 14, /work/wt-contact); until it lands there is nothing to read and
// the inzage says "none recorded". THE one place the lead wires when that table exists: return its
// rows for this newcomer here, in this shape, and the page and the JSON show them unchanged.
import type { Tx } from "@/lib/server/kit/tx";

export interface LetterSent {
  id: string;
  /** the kind of letter (invitation, fine decision, …) as its code */
  kind: string;
  /** when it was printed or sent (ISO instant) */
  at: string;
  /** who printed it (e-mail), null when unknown */
  by: string | null;
}

export async function lettersSent(_tx: Tx, _newcomerId: string): Promise<LetterSent[]> {
  return [];
}
