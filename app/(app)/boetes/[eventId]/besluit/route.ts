// POST /boetes/<eventId>/besluit — the decision as JSON ({ outcome, decidedOn, amountEur,
// motivation, version, correctionReason? }), Content-Type application/json. Guarded by route():
// 403 from a foreign origin or for a non-admin, 401 without a session, 415 for another body type.
import { decideInfringement } from "@/lib/server/fines/decide";
import { route } from "@/lib/server/entry/route";

export const POST = route<{ eventId: string }, "json">(
  "fine.decide",
  async ({ actor, params, body }) => {
    const decision = await decideInfringement(actor, params.eventId, body);
    return Response.json(
      { ok: true, decision: { id: decision.id, status: decision.status, outcome: decision.outcome, amountEur: decision.amountEur } },
      { status: 201 },
    );
  },
  { body: "json" },
);
