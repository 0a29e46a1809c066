import "server-only";
// The exchange with DVZ: for a period, one line per newcomer advised in it (their latest advice
// in the period) with exactly the five legal fields. Every export is audited with the list of
// newcomers it names, in the same transaction that reads them. Anonymised dossiers (issue 15) are
// left out and counted: DVZ identifies a person by name and national number, which an anonymised
// dossier no longer has (a pseudonym and an 'X…' number would be a line about nobody), and the
// law's purpose — DVZ deciding on a residence — ended with the term that anonymised it.
import { toDvzCsv, type DvzExportRow } from "@/lib/domain/dvz/csv";
import { newcomerScope } from "@/lib/server/access/scope";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { dateOf } from "@/lib/domain/kit";
import { dvzExportSchema } from "./dvz.schema";
import { parseInput } from "@/lib/server/kit/parse-input";

export async function exportDvzFile(actor: Actor, input: unknown) {
  assertCan(actor, "dvz.export");
  const parsed = parseInput(dvzExportSchema, input);
  const { from, to } = parsed;
  return db.$transaction(async (tx) => {
    const inPeriod = { type: "DVZ_ADVICE", cancelledAt: null, date: { gte: dateOf(from), lte: dateOf(to) } } as const;
    const leftOut = await tx.newcomer.count({ where: { AND: [newcomerScope(actor), { anonymisedAt: { not: null } }], events: { some: inPeriod } } });
    const advices = await tx.trackEvent.findMany({
      where: { ...inPeriod, newcomer: { AND: [newcomerScope(actor), { anonymisedAt: null }] } },
      orderBy: [{ newcomerId: "asc" }, { date: "desc" }, { createdAt: "desc" }],
      // only what the law allows to leave: nothing else is even read
      select: {
        newcomerId: true,
        contractSigned: true,
        attestationObtained: true,
        newcomer: { select: { lastName: true, firstName: true, nationalNumber: true } },
      },
    });
    const latest = new Map<string, (typeof advices)[number]>();
    for (const a of advices) if (!latest.has(a.newcomerId)) latest.set(a.newcomerId, a);
    const chosen = [...latest.values()].sort(
      (a, b) => a.newcomer.lastName.localeCompare(b.newcomer.lastName, "nl") || a.newcomer.firstName.localeCompare(b.newcomer.firstName, "nl"),
    );
    const rows: DvzExportRow[] = chosen.map((a) => ({
      lastName: a.newcomer.lastName,
      firstName: a.newcomer.firstName,
      nationalNumber: a.newcomer.nationalNumber,
      contractSigned: a.contractSigned ?? false,
      attestationObtained: a.attestationObtained ?? false,
    }));
    const newcomerIds = chosen.map((a) => a.newcomerId);
    await recordAudit(tx, actor, {
      action: "dvz.export",
      entityType: "dvz_export",
      after: { from, to, count: newcomerIds.length, newcomerIds, anonymisedLeftOut: leftOut },
    });
    return { fileName: `dvz-adviezen-${from}-${to}.csv`, csv: toDvzCsv(rows), count: rows.length, newcomerIds, anonymisedLeftOut: leftOut };
  });
}
