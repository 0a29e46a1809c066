import "server-only";
// The letters printed for a newcomer (the `letter` record of issue 14), for the right of access:
// what, when and by whom — the letter record itself holds no personal data.
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

export async function lettersSent(tx: Tx, newcomerId: string): Promise<LetterSent[]> {
  // all of them: an inzage is complete, not a first page
  const rows = await tx.letter.findMany({
    where: { newcomerId },
    orderBy: [{ printedAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, printedAt: true, printedBy: { select: { email: true } } },
  });
  return rows.map((r) => ({ id: r.id, kind: r.kind, at: r.printedAt.toISOString(), by: r.printedBy.email }));
}
