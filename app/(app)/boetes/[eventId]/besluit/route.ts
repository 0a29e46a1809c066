// POST /boetes/<eventId>/besluit — the decision as JSON ({ outcome, decidedOn, amountEur,
// motivation, version, correctionReason? }). 401 without a session, 403 for a non-admin.
import { requireActor } from "@/lib/server/auth/session";
import { decideInfringement } from "@/lib/server/fines/decide";
import { errorResponse } from "@/lib/server/fines/http";

export async function POST(request: Request, { params }: { params: Promise<{ eventId: string }> }) {
  try {
    const actor = await requireActor("fine.decide");
    if (!request.headers.get("content-type")?.includes("application/json")) {
      return Response.json({ ok: false, message: "Stuur het besluit als JSON." }, { status: 415 });
    }
    const body: unknown = await request.json().catch(() => null);
    const { eventId } = await params;
    const decision = await decideInfringement(actor, eventId, body);
    return Response.json({ ok: true, decision: { id: decision.id, status: decision.status, outcome: decision.outcome, amountEur: decision.amountEur } }, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
