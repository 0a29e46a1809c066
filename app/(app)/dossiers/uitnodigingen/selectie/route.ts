// POST /dossiers/uitnodigingen/selectie — a form with one `id` field per selected newcomer (the
// bulk action "print invitations" of the dossier list and the worklists posts here): 303 to the
// batch page with the ids in the query. UUIDs only (never national numbers); a bad selection is a
// 400 with a Dutch message. Guarded by route(): origin, session, permission.
import { route } from "@/lib/server/entry/route";
import { batchIds } from "@/lib/server/letters/letters";

export const POST = route(
  "dossier.write",
  async ({ body, request }) => {
    // `id` per newcomer, or `ids` (the checkboxes of the bulk forms of the lists)
    const ids = batchIds([...body.getAll("id"), ...body.getAll("ids")].map(String));
    const url = new URL("/dossiers/uitnodigingen", request.url);
    url.searchParams.set("ids", ids.join(","));
    for (const f of ["datum", "uur"]) {
      const v = body.get(f);
      if (typeof v === "string" && v) url.searchParams.set(f, v);
    }
    return new Response(null, { status: 303, headers: { location: `${url.pathname}${url.search}` } });
  },
  { body: "form" },
);
