import "server-only";
// A fine's structured communication, stored with the decision: 10 digits from the database's
// sequence fine_communication_seq (unique under any concurrency: two transactions never get the
// same value) and their mod-97 check. A value that is somehow taken already (imported) is skipped;
// the unique index on the column is the last guard. Fines decided before this existed, or
// imported, get theirs when their letter is first shown.
import { structuredCommunicationDigits } from "@/lib/domain/contact/structured-communication";
import type { Tx } from "@/lib/server/kit/tx";

export async function assignStructuredCommunication(tx: Tx, decisionId: string): Promise<string> {
  const [row] = await tx.$queryRaw<{ sc: string | null }[]>`
    SELECT structured_communication AS sc FROM infringement_decision WHERE id = ${decisionId}::uuid FOR UPDATE`;
  if (row?.sc) return row.sc;
  for (let attempt = 0; attempt < 10; attempt++) {
    const [seq] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('fine_communication_seq') AS n`;
    const digits = structuredCommunicationDigits(seq!.n);
    const updated = await tx.$executeRaw`
      UPDATE infringement_decision SET structured_communication = ${digits}
       WHERE id = ${decisionId}::uuid
         AND NOT EXISTS (SELECT 1 FROM infringement_decision WHERE structured_communication = ${digits})`;
    if (updated === 1) return digits;
  }
  throw new Error("no free structured communication after 10 tries");
}
